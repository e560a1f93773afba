using Bunit;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Coordinator;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KyodoHub.Tests.Coordinator;

[Collection(AppCollection.Name)]
public class RequestEditingTests : KyodoBunitContext
{
    private readonly AppFixture _fixture;

    public RequestEditingTests(AppFixture fixture)
    {
        _fixture = fixture;
        this.AddAppServices(fixture.App);
        AddAuthorization().SetAuthorized("coordinator@kyodohub.example").SetRoles(Roles.Coordinator);
        UseInteractiveServerRenderer();
    }

    private KyodoAppFactory App => _fixture.App;

    [Fact]
    public async Task TheSecondOfTwoEditsFromTheSameVersionGetsAConflictWithBothVersions()
    {
        var (id, version) = await NewRequestAsync();
        var hanako = new RequestEdit("花子の題", "花子の説明", "柴崎町の公園", 2);
        var jiro = new RequestEdit("次郎の題", "次郎の説明", "柴崎学習館", 3);

        var first = await SaveAsync("coordinator@kyodohub.example", id, hanako, version);
        var second = await SaveAsync("coordinator2@kyodohub.example", id, jiro, version);

        Assert.IsType<EditSaved>(first);
        var conflict = Assert.IsType<EditConflict>(second);
        Assert.Equal(hanako, conflict.Theirs);
        Assert.Equal(jiro, conflict.Yours);
        Assert.Equal(((EditSaved)first).Version, conflict.TheirVersion);
        Assert.Equal(hanako, RequestEdit.Of(await LoadAsync(id)));

        // Choosing their own after seeing both saves it over the first.
        Assert.IsType<EditSaved>(await SaveAsync("coordinator2@kyodohub.example", id, jiro, conflict.TheirVersion));
        Assert.Equal(jiro, RequestEdit.Of(await LoadAsync(id)));
    }

    [Fact]
    public async Task TheEditorShowsBothVersionsOnAConflictAndSavesTheOneChosen()
    {
        var (id, _) = await NewRequestAsync();
        var detail = await DetailAsync(id);
        var editor = Render<RequestEditor>(p => p.Add(x => x.Request, detail));
        await editor.InvokeAsync(() => editor.FindComponents<MudTextField<string>>()[0].Instance.ValueChanged.InvokeAsync("自分で直した題"));

        // Meanwhile the other coordinator saves a different title.
        var theirs = RequestEdit.Of(detail) with { Title = "先に直された題" };
        Assert.IsType<EditSaved>(await SaveAsync("coordinator2@kyodohub.example", id, theirs, detail.Version));

        await editor.ClickAsync("[data-testid=edit-save]");
        editor.WaitForElement("[data-testid=edit-conflict]", Patience);
        Assert.Contains("先に直された題", editor.Find("[data-testid=edit-theirs]").TextContent, StringComparison.Ordinal);
        Assert.Contains("自分で直した題", editor.Find("[data-testid=edit-yours]").TextContent, StringComparison.Ordinal);
        Assert.Equal("先に直された題", (await LoadAsync(id)).Title);

        await editor.ClickAsync("[data-testid=use-mine]");
        editor.WaitForAssertion(() => Assert.Empty(editor.FindAll("[data-testid=edit-conflict]")), Patience);
        Assert.Equal("自分で直した題", (await LoadAsync(id)).Title);
    }

    [Fact]
    public async Task KeepingTheirVersionSavesNothingAndShowsTheirs()
    {
        var (id, _) = await NewRequestAsync();
        var detail = await DetailAsync(id);
        var editor = Render<RequestEditor>(p => p.Add(x => x.Request, detail));
        await editor.InvokeAsync(() => editor.FindComponents<MudTextField<string>>()[0].Instance.ValueChanged.InvokeAsync("自分の題"));
        Assert.IsType<EditSaved>(await SaveAsync("coordinator2@kyodohub.example", id, RequestEdit.Of(detail) with { Title = "相手の題" }, detail.Version));

        await editor.ClickAsync("[data-testid=edit-save]");
        await editor.ClickAsync("[data-testid=keep-theirs]");
        editor.WaitForAssertion(() => Assert.Equal("相手の題", editor.FindAll("input")[0].GetAttribute("value")), Patience);
        Assert.Equal("相手の題", (await LoadAsync(id)).Title);
    }

    private async Task<(int Id, int Version)> NewRequestAsync()
    {
        var created = await TestRequests.PostAsync(App, TestRequests.Valid());
        return (created.Id, (await LoadAsync(created.Id)).Version);
    }

    private async Task<EditOutcome> SaveAsync(string coordinator, int id, RequestEdit edit, int version)
    {
        await using var scope = ScopeAs.User(App.Services, Roles.Coordinator, userName: coordinator);
        return await scope.ServiceProvider.GetRequiredService<RequestEditing>().SaveAsync(id, edit, version);
    }

    private async Task<RequestDetail> DetailAsync(int id)
    {
        await using var scope = ScopeAs.User(App.Services, Roles.Coordinator);
        return (await scope.ServiceProvider.GetRequiredService<RequestDetailService>().GetAsync(id))!;
    }

    private async Task<Request> LoadAsync(int id)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id);
    }
}
