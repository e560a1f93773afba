using System.Globalization;
using KyodoHub.Core.Audit;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Audit;

/// <summary>
/// The audit log for administrators: filters and page live in the address, so a search can be
/// shared as a link, and every search or page turn is one query of one page.
/// </summary>
public partial class AuditSearch
{
    public const int PageSize = 50;

    private readonly Filters _form = new();
    private AuditPage? _page;
    private IReadOnlyList<string> _types = [];
    private IReadOnlyList<string> _actions = [];
    private (string?, string?, string?, string?, string?, string?, int?) _applied;
    private bool _searchAgain;

    [Inject]
    private AuditLog Log { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "user")]
    public string? User { get; set; }

    [SupplyParameterFromQuery(Name = "action")]
    public string? Action { get; set; }

    [SupplyParameterFromQuery(Name = "type")]
    public string? Type { get; set; }

    [SupplyParameterFromQuery(Name = "id")]
    public string? Id { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public int? Page { get; set; }

    private int PageNumber => Math.Max(1, Page ?? 1);

    private int Skip => (PageNumber - 1) * PageSize;

    private int PageCount => _page is null ? 0 : (_page.Total + PageSize - 1) / PageSize;

    private (string?, string?, string?, string?, string?, string?, int?) Address => (From, To, User, Action, Type, Id, Page);

    // The form starts from the address before anything is awaited: what is typed while the page
    // loads (the choices, the first search) is kept.
    protected override async Task OnInitializedAsync()
    {
        ShowAddressInForm();
        (_types, _actions) = await Log.ChoicesAsync();
    }

    // The layout renders the page again with the same address: the form keeps what was typed since
    // and the search does not run twice. A new address (a search, a page turn, a link) fills the
    // form and searches; searching again at the same address searches again.
    protected override async Task OnParametersSetAsync()
    {
        if (Address != _applied)
        {
            ShowAddressInForm();
        }
        else if (_page is not null && !_searchAgain)
        {
            return;
        }
        _searchAgain = false;
        _page = await Log.SearchAsync(new AuditQuery(DateOf(From), DateOf(To), User, Action, Type, Id, Skip, PageSize));
    }

    private void ShowAddressInForm()
    {
        _applied = Address;
        (_form.From, _form.To, _form.User, _form.Action, _form.Type, _form.Id) = (DateOf(From), DateOf(To), User, Action, Type, Id);
    }

    private Task SearchAsync() => GoAsync(1);

    private Task GoToAsync(int page) => GoAsync(page);

    // The search runs when the address changes (OnParametersSetAsync), from the form's values.
    private Task GoAsync(int page)
    {
        _searchAgain = true;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["from"] = _form.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = _form.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["user"] = Blank(_form.User),
            ["action"] = Blank(_form.Action),
            ["type"] = Blank(_form.Type),
            ["id"] = Blank(_form.Id),
            ["page"] = page > 1 ? page : null,
        }));
        return Task.CompletedTask;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateOnly? DateOf(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private string ActionName(string action) => AuditText.Action(L, action);

    private string TypeName(string type) => AuditText.RecordType(L, type);

    private string RecordTitle(AuditEntry e) => e.EntityId is null ? e.EntityType : $"{e.EntityType} {e.EntityId}";

    private sealed class Filters
    {
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? User { get; set; }
        public string? Action { get; set; }
        public string? Type { get; set; }
        public string? Id { get; set; }
    }
}
