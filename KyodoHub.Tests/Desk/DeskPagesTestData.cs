using Bunit;
using KyodoHub.Core.Consultations;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Tests.Me;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Admin;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Features.Desk;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Desk;

/// <summary>A registrant with something in every section of their staff page, and the services those pages need in bUnit.</summary>
internal static class DeskPagesTestData
{
    public sealed record Person(int Id, string Name, string Email, string Phone, int AssignmentId, int ConfirmedRequestId, string ConfirmedTitle, int OfferedRequestId);

    /// <summary>
    /// A new registrant confirmed for one activity to come (the only seat of its request), with
    /// an offer for another request waiting for their answer and a consultation at the desk.
    /// </summary>
    public static async Task<Person> PersonWithHistoryAsync(KyodoAppFactory app)
    {
        var id = await MeTestData.NewRegistrantAsync(app);
        var confirmed = await TestRequests.PostAsync(app, TestRequests.Valid(headcount: 1));
        var offerId = (await OfferTestData.InsertOffersAsync(app, confirmed.Id, [id]))[0];
        await using (var scope = ScopeAs.User(app.Services, Roles.Registrant, registrantId: id))
        {
            await scope.ServiceProvider.GetRequiredService<OfferService>().AcceptAsync(offerId);
        }
        var offered = await TestRequests.PostAsync(app, TestRequests.Valid(headcount: 2, daysAhead: 210));
        await OfferTestData.InsertOffersAsync(app, offered.Id, [id]);
        await using var db = await Db(app);
        db.Consultations.Add(new ConsultationRecord("試験 来訪者", ConsultationChannel.WalkIn, "活動の相談", "次の依頼を紹介", null, "desk@kyodohub.example", DateTimeOffset.UtcNow.AddDays(-2), registrantId: id));
        await db.SaveChangesAsync();
        var registrant = await db.Registrants.AsNoTracking().SingleAsync(r => r.Id == id);
        var assignmentId = await db.Assignments.Where(a => a.RegistrantId == id).Select(a => a.Id).SingleAsync();
        return new Person(id, registrant.Name, registrant.Email!, registrant.Phone!, assignmentId, confirmed.Id, confirmed.Title, offered.Id);
    }

    public static async Task<KyodoDbContext> Db(KyodoAppFactory app) =>
        await app.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();

    /// <summary>Signs the bUnit context in as the desk's 窓口相談員, desk@kyodohub.example.</summary>
    public static void SignInAsDeskStaff(this BunitContext context) =>
        context.AddAuthorization().SetAuthorized("desk@kyodohub.example").SetRoles(Roles.DeskStaff)
            .SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "desk-user-id"));

    /// <summary>
    /// Makes the bUnit context's signed-in user the actor of the saves that follow, as a circuit
    /// does (see <c>AuditCircuitHandler</c>). Call it in the test's own body: the actor is the
    /// calling flow's, and an async helper's flow ends with it.
    /// </summary>
    public static void AuditAsSignedInUser(this BunitContext context) =>
        AuditAmbient.Use(context.Services.GetRequiredService<AuditActorSource>());

    /// <summary>The staff pages' services on the running app, for a bUnit context.</summary>
    public static void AddStaffPageServices(this BunitContext context, KyodoAppFactory app)
    {
        context.AddAppServices(app);
        var services = context.Services;
        services.AddScoped<ClientAddress>();
        services.AddScoped<AuditActorSource>();
        services.AddSingleton(app.Services.GetRequiredService<RefusalLog>());
        services.AddScoped<AuditLog>();
        services.AddScoped<ContactDetailsService>();
        services.AddScoped<RegistrantSearchService>();
        services.AddScoped<RegistrantRecordService>();
        services.AddScoped<Web.Features.Me.MyRegistrant>();
        services.AddScoped<Web.Features.Me.MyProfileService>();
        services.AddScoped<Web.Features.Me.MyAvailabilityService>();
        services.AddScoped<DeletionRequestService>();
    }
}
