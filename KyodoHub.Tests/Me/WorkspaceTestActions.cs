using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Me;

/// <summary>Things the workspace tests need to have happened: a request accepted by the registrant.</summary>
internal static class WorkspaceTestActions
{
    /// <summary>Posts a request for 10:00–12:00 Tokyo, offers it to the registrant and has them accept it.</summary>
    public static async Task<Web.Features.Api.RequestDto> AcceptedRequestAsync(KyodoAppFactory app, int registrantId, int daysAhead = 200)
    {
        var request = await TestRequests.PostAsync(app, TestRequests.Valid(daysAhead: daysAhead));
        var offerId = (await OfferTestData.InsertOffersAsync(app, request.Id, [registrantId]))[0];
        await using var scope = ScopeAs.User(app.Services, Roles.Registrant, registrantId: registrantId);
        await scope.ServiceProvider.GetRequiredService<OfferService>().AcceptAsync(offerId);
        return request;
    }
}
