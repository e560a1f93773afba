using Bunit;
using KyodoHub.Core.Matching;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Coordinator;
using KyodoHub.Web.Features.Matching;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>
/// Gives a bUnit context the running test app's database, broker and match index, with the
/// feature services built on them, so that components are tested against real data and events.
/// </summary>
internal static class AppServicesForBunit
{
    public static void AddAppServices(this BunitContext context, KyodoAppFactory app)
    {
        var services = context.Services;
        var root = app.Services;
        services.AddSingleton(root.GetRequiredService<IDbContextFactory<KyodoDbContext>>());
        services.AddSingleton(root.GetRequiredService<IEventBroker>());
        services.AddSingleton(root.GetRequiredService<TimeProvider>());
        services.AddSingleton(root.GetRequiredService<MatchIndexHolder>());
        services.AddSingleton(root.GetRequiredService<MatchEngine>());
        services.AddSingleton(root.GetRequiredService<PresenceTracker>());
        services.AddSingleton(root.GetRequiredService<LiveStatus>());
        services.AddSingleton(root.GetRequiredService<Microsoft.Extensions.Options.IOptions<OfferOptions>>());
        services.AddLogging();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ClientInfo>();
        services.AddScoped<ConnectionStatus>();
        services.AddScoped<DashboardService>();
        services.AddScoped<RequestDetailService>();
        services.AddScoped<RequestEditing>();
        services.AddScoped<CandidateRanking>();
        services.AddScoped<OfferService>();
        services.AddScoped<Web.Features.Forms.ReferenceData>();
        services.AddScoped<Web.Features.Requests.RequestIntakeService>();
        services.AddScoped<Web.Features.Desk.DeskIntakeService>();
        services.AddScoped<Web.Features.Desk.RegistrationService>();
        services.AddScoped<Web.Features.Desk.ConsultationService>();
        services.AddScoped<Web.Features.Groups.GroupRequestsService>();
    }
}
