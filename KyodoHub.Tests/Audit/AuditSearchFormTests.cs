using Bunit;
using KyodoHub.Tests.Desk;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Audit;

/// <summary>The audit log's filters keep what an administrator types until they search.</summary>
[Collection(AppCollection.Name)]
public class AuditSearchFormTests : KyodoBunitContext
{
    public AuditSearchFormTests(AppFixture fixture)
    {
        this.AddStaffPageServices(fixture.App);
        AddAuthorization().SetAuthorized("admin@kyodohub.example").SetRoles(Roles.Administrator)
            .SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "admin-user-id"));
        UseInteractiveServerRenderer();
    }

    [Fact]
    public async Task WhatWasTypedSurvivesTheLayoutRenderingThePageAgainAndGoesIntoTheAddress()
    {
        var page = Render<AuditSearch>();
        page.WaitForElement("[role=status][aria-busy=false]", Patience);
        page.Find("#audit-user").Input("desk-browser@kyodohub.example");

        // The layout renders its body again (a live event, sign-in state): same address, same parameters.
        page.Render();
        await page.Find("[data-testid=audit-filters]").SubmitAsync();

        var address = Services.GetRequiredService<NavigationManager>().Uri;
        Assert.Contains("user=desk-browser%40kyodohub.example", address, StringComparison.Ordinal);
        Assert.Equal("desk-browser@kyodohub.example", page.Find("#audit-user").GetAttribute("value"));
    }
}
