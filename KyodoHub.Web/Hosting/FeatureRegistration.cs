using KyodoHub.Web.Features.Admin;
using KyodoHub.Web.Features.Coordinator;
using KyodoHub.Web.Features.Desk;
using KyodoHub.Web.Features.Groups;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Features.Requests;

namespace KyodoHub.Web.Hosting;

internal static class FeatureRegistration
{
    /// <summary>The feature services that pages inject; each checks the caller's role itself.</summary>
    public static IServiceCollection AddKyodoFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<UserAdminService>();
        services.AddScoped<CoordinatorOverviewService>();
        services.AddScoped<DeskOverviewService>();
        services.AddScoped<MyOverviewService>();
        services.AddScoped<GroupOverviewService>();
        services.AddScoped<RequestIntakeService>();
        services.AddKyodoRecords(configuration);
        return services;
    }
}
