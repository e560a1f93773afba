using KyodoHub.Core.Matching;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Admin;
using KyodoHub.Web.Features.ApiKeys;
using KyodoHub.Web.Features.Calendar;
using KyodoHub.Web.Features.Coordinator;
using KyodoHub.Web.Features.Desk;
using KyodoHub.Web.Features.Groups;
using KyodoHub.Web.Features.Matching;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Features.Requests;

namespace KyodoHub.Web.Hosting;

internal static class FeatureRegistration
{
    /// <summary>The feature services that pages inject; each checks the caller's role itself.</summary>
    public static IServiceCollection AddKyodoFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ClientInfo>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<DeletionRequestService>();
        services.Configure<BackupOptions>(configuration.GetSection(BackupOptions.Section));
        services.AddScoped<DatabaseBackup>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<RequestDetailService>();
        services.AddScoped<RequestEditing>();
        services.AddScoped<DeskOverviewService>();
        services.AddScoped<MyOverviewService>();
        services.AddScoped<MyOffersService>();
        services.AddScoped<MyRegistrant>();
        services.AddScoped<MyProfileService>();
        services.AddScoped<MyAvailabilityService>();
        services.AddScoped<MyActivitiesService>();
        services.AddScoped<MyDataService>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<CalendarFeedReader>();
        services.AddScoped<GroupOverviewService>();
        services.AddScoped<RequestIntakeService>();
        services.AddScoped<Features.Forms.ReferenceData>();
        services.AddScoped<DeskIntakeService>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<ConsultationService>();
        services.AddScoped<RegistrantSearchService>();
        services.AddScoped<RegistrantRecordService>();
        services.AddScoped<GroupRequestsService>();

        services.AddSingleton<MatchEngine>();
        services.AddSingleton<MatchIndexHolder>();
        services.AddHostedService(sp => sp.GetRequiredService<MatchIndexHolder>());
        services.AddHealthChecks().AddCheck<MatchIndexHealthCheck>("match-index", tags: [MatchIndexHealthCheck.ReadyTag]);
        services.AddScoped<CandidateRanking>();

        services.Configure<OfferOptions>(configuration.GetSection(OfferOptions.Section));
        services.AddScoped<OfferService>();
        services.AddScoped<Features.Offers.Links.OfferLinkService>();
        services.AddSingleton<Features.Offers.Links.OfferLinkIssuer>();
        services.AddSingleton<Core.Planning.BatchPlanner>();
        services.AddScoped<Features.Planning.PlanningService>();
        services.AddHostedService<OfferExpiryWorker>();
        services.Configure<Features.Retention.RetentionOptions>(configuration.GetSection(Features.Retention.RetentionOptions.Section));
        services.AddScoped<Features.Retention.RetentionService>();
        services.AddHostedService<Features.Retention.RetentionWorker>();
        services.AddKyodoRecords(configuration);
        return services;
    }
}
