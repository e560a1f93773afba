using System.Net;
using System.Text;

namespace KyodoHub.Web.Features.Notifications;

/// <summary>
/// The shape every message shares: a greeting, an opening, labelled facts, one link, the centre's
/// footer; a message that can be answered at once puts its answer links before the link. Written
/// once as plain text and once as HTML, with the same words.
/// </summary>
public sealed record MessageLayout(string Greeting, string Opening, IReadOnlyList<(string Label, string Value)> Facts, (string Label, Uri Address) Link, IReadOnlyList<string> Footer,
    IReadOnlyList<(string Label, Uri Address)>? Answers = null)
{
    private IEnumerable<(string Label, Uri Address)> Links => (Answers ?? []).Append(Link);

    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(Greeting).Append("\n\n").Append(Opening).Append("\n\n");
        foreach (var (label, value) in Facts)
        {
            text.Append('■').Append(label).Append('\n').Append(value).Append("\n\n");
        }
        foreach (var (label, address) in Links)
        {
            text.Append(label).Append('\n').Append(address.AbsoluteUri).Append("\n\n");
        }
        text.Append("――――――――――\n");
        foreach (var line in Footer)
        {
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    public string ToHtml()
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif;line-height:1.6\">");
        html.Append("<p>").Append(Encode(Greeting)).Append("</p><p>").Append(Encode(Opening)).Append("</p><dl>");
        foreach (var (label, value) in Facts)
        {
            html.Append("<dt style=\"font-weight:bold\">").Append(Encode(label)).Append("</dt><dd style=\"margin:0 0 0.8em 0\">").Append(Encode(value)).Append("</dd>");
        }
        html.Append("</dl>");
        foreach (var (label, address) in Links)
        {
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(address.AbsoluteUri)).Append("\">").Append(Encode(label)).Append("</a></p>");
        }
        html.Append("<hr><p style=\"font-size:0.9em;color:#444\">").Append(string.Join("<br>", Footer.Select(Encode))).Append("</p></body></html>");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal);
}
