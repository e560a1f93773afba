using KyodoHub.Core.Common;
using KyodoHub.Web.Features.Forms;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Api;

/// <summary>
/// The bad fields of one API call, keyed by their JSON path (<c>sessions[0].start</c>), each with
/// a message in the caller's language; answered as RFC 9457 problem details.
/// </summary>
internal sealed class ApiFieldErrors(IStringLocalizer<SharedResource> localizer)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>Adds a message for a rule code about a field given by its domain name ("Sessions[0].End").</summary>
    public void Add(string field, string code) => Add(PathOf(field), LabelOf(field), code);

    public void Add(DomainValidationException error) => Add(error.Field, error.Code);

    public void Add(JsonFailure failure) => Add(failure.Path, failure.Label, failure.Code);

    public void Add(string path, string label, string code)
    {
        if (!_errors.TryGetValue(path, out var messages))
        {
            _errors[path] = messages = [];
        }
        messages.Add(ValidationText.Of(localizer, label, code));
    }

    public ProblemHttpResult ToProblem(int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(new HttpValidationProblemDetails(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()))
        {
            Status = status,
            Title = localizer["Api_InvalidFields"],
        });

    /// <summary>"Sessions[0].End" as the API names it: "sessions[0].end".</summary>
    public static string PathOf(string field) =>
        string.Join('.', field.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));

    // "Sessions[0].End" is labelled as "End", "Programs[1]" as "Programs".
    private static string LabelOf(string field)
    {
        var last = field[(field.LastIndexOf('.') + 1)..];
        var index = last.IndexOf('[');
        return index > 0 ? last[..index] : last;
    }
}
