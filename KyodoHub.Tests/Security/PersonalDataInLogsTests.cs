using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Features.Desk;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Security;

[Collection(ProductionLikeCollection.Name)]
public class PersonalDataInLogsTests(ProductionLikeFixture fixture)
{
    private const string NewEmail = "kojin.joho@example.jp";
    private const string NewPhone = "080-2468-1357";

    private KyodoAppFactory App => fixture.App;

    [Fact]
    public async Task ADayOfTypicalWorkLeavesNoEmailAddressOrPhoneNumberInTheApplicationLog()
    {
        await SignInsAsync();
        var registrantName = await DeskWorkAsync();
        await OfferWorkAsync();

        var personal = await PersonalDataAsync();
        Assert.Contains(NewEmail, personal);
        Assert.True(personal.Count > 300);
        var entries = fixture.Logs.Entries;
        Assert.NotEmpty(entries);
        var leaks = entries.Select(e => e.ToString())
            .SelectMany(text => personal.Append(registrantName).Where(p => text.Contains(p, StringComparison.Ordinal)).Select(p => $"{p} in: {text}"))
            .Take(5).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n\n", leaks));
    }

    private async Task SignInsAsync()
    {
        foreach (var role in Roles.All)
        {
            using var client = App.NewClient();
            await SignInForm.PostAsync(client, DemoUsers.EmailOf(role), DemoUsers.Password);
            await client.GetStringAsync(Roles.HomeOf(role));
        }
        using var stranger = App.NewClient();
        await SignInForm.PostAsync(stranger, DemoUsers.EmailOf(Roles.DeskStaff), "not-the-password-at-all");
        await SignInForm.PostAsync(stranger, "stranger@example.jp", "not-the-password-at-all");
        // A refused page.
        using var desk = App.NewClient();
        await SignInForm.PostAsync(desk, DemoUsers.EmailOf(Roles.DeskStaff), DemoUsers.Password);
        await desk.GetAsync("/exports/registrants.csv");
    }

    /// <summary>Searches for a registrant by name, registers a new one and logs a consultation; returns the name searched.</summary>
    private async Task<string> DeskWorkAsync()
    {
        await using var scope = ScopeAs.User(App.Services, Roles.DeskStaff, userName: DemoUsers.EmailOf(Roles.DeskStaff));
        var services = scope.ServiceProvider;
        await using var db = await services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var someone = await db.Registrants.OrderBy(r => r.Id).Skip(5).FirstAsync();
        var found = await services.GetRequiredService<RegistrantSearchService>().SearchAsync(new RegistrantQuery(someone.Name));
        Assert.Contains(found.Hits, h => h.Id == someone.Id);
        var form = new RegistrationFormModel { Name = "個人 情報子", Furigana = "コジン ジョウホウコ", Email = NewEmail, Phone = NewPhone, HomeAreaId = 3, Consent = true };
        await services.GetRequiredService<RegistrationService>().RegisterAsync(form);
        await services.GetRequiredService<ContactDetailsService>().RegistrantAsync(someone.Id);
        // A refusal, as when desk staff try what only coordinators may do.
        await Assert.ThrowsAsync<AccessDeniedException>(() => services.GetRequiredService<OfferService>().SendAsync(1, [someone.Id]));
        return someone.Name;
    }

    private async Task OfferWorkAsync()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(daysAhead: 340));
        var registrantId = await OfferTestData.TopCandidateAsync(App, request.Id);
        int offerId;
        await using (var scope = ScopeAs.User(App.Services, Roles.Coordinator, userName: DemoUsers.EmailOf(Roles.Coordinator)))
        {
            offerId = (await scope.ServiceProvider.GetRequiredService<OfferService>().SendAsync(request.Id, [registrantId]))[0];
        }
        await using (var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: registrantId))
        {
            await scope.ServiceProvider.GetRequiredService<OfferService>().AcceptAsync(offerId);
        }
        await using (var scope = ScopeAs.User(App.Services, Roles.Coordinator, userName: DemoUsers.EmailOf(Roles.Coordinator)))
        {
            await scope.ServiceProvider.GetRequiredService<Web.Features.Coordinator.RequestDetailService>().OffersAsync(request.Id);
            await scope.ServiceProvider.GetRequiredService<ContactDetailsService>().RegistrantAsync(registrantId);
        }
    }

    /// <summary>Every e-mail address and phone number the database holds.</summary>
    private async Task<HashSet<string>> PersonalDataAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in await db.Registrants.Select(r => new { r.Email, r.Phone }).ToListAsync())
        {
            values.Add(r.Email ?? "");
            values.Add(r.Phone ?? "");
        }
        foreach (var g in await db.Groups.Select(g => new { g.ContactEmail, g.ContactPhone }).ToListAsync())
        {
            values.Add(g.ContactEmail ?? "");
            values.Add(g.ContactPhone ?? "");
        }
        foreach (var email in await db.Users.Select(u => u.Email).ToListAsync())
        {
            values.Add(email ?? "");
        }
        values.Add("stranger@example.jp");
        values.Remove("");
        return values;
    }
}
