using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KyodoHub.Web.Features.Agreements;

/// <summary>
/// Writes an agreement as an A4 PDF with the Japanese font embedded. Japanese has no spaces
/// between words, so lines are broken by width, character by character, keeping closing
/// punctuation off the start of a line (禁則).
/// </summary>
public static class AgreementPdf
{
    private const double Margin = 56; // about 20 mm
    private const string NoLineStart = "、。，．・：；？！ー）」』】〕）]｝〉》ぁぃぅぇぉっゃゅょァィゥェォッャュョ";

    public static byte[] Render(AgreementDocument doc, string fontFamily)
    {
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{doc.Title} {doc.Subtitle}";
        pdf.Info.Subject = doc.Subtitle;
        var writer = new PageWriter(pdf, fontFamily);

        writer.Centered(doc.Title, 20, bold: true, after: 6);
        writer.Centered(doc.Subtitle, 12, bold: false, after: 4);
        writer.Centered(doc.StateNote, 9, bold: false, after: 14);
        writer.Paragraph(doc.Preamble, 10.5, indent: 10.5, after: 10);
        foreach (var article in doc.Articles)
        {
            writer.Paragraph(article.Heading, 11, indent: 0, after: 2, bold: true);
            foreach (var paragraph in article.Paragraphs)
            {
                writer.Paragraph(paragraph, 10.5, indent: 10.5, after: 4);
            }
            writer.Space(6);
        }
        writer.Paragraph(doc.Closing, 10.5, indent: 10.5, after: 14);
        writer.Paragraph(doc.DraftedOn, 10.5, indent: 0, after: 10);
        foreach (var signature in doc.Signatures)
        {
            writer.Paragraph($"{signature.Role}　{signature.Name}", 10.5, indent: 0, after: 0);
            writer.Paragraph(signature.Confirmation, 9.5, indent: 21, after: 8);
        }
        writer.Dispose();

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>.</summary>
    internal static List<string> Wrap(string text, Func<string, double> measure, double width)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (line.Length > 0 && measure(line.ToString() + c) > width && !NoLineStart.Contains(c, StringComparison.Ordinal))
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            line.Append(c);
        }
        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }
        return lines;
    }

    private sealed class PageWriter(PdfDocument pdf, string family) : IDisposable
    {
        private XGraphics? _gfx;
        private PdfPage? _page;
        private double _y;

        private XGraphics Gfx => _gfx ?? NewPage();

        private double Width => _page!.Width.Point - (2 * Margin);

        public void Centered(string text, double size, bool bold, double after)
        {
            var font = Font(size, bold);
            var gfx = Gfx;
            foreach (var line in Wrap(text, s => gfx.MeasureString(s, font).Width, Width))
            {
                EnsureRoom(size * 1.6);
                var lineWidth = Gfx.MeasureString(line, font).Width;
                Gfx.DrawString(line, font, XBrushes.Black, new XPoint(Margin + ((Width - lineWidth) / 2), _y + size));
                _y += size * 1.6;
            }
            _y += after;
        }

        public void Paragraph(string text, double size, double indent, double after, bool bold = false)
        {
            var font = Font(size, bold);
            var gfx = Gfx;
            foreach (var line in Wrap(text, s => gfx.MeasureString(s, font).Width, Width - indent))
            {
                EnsureRoom(size * 1.7);
                Gfx.DrawString(line, font, XBrushes.Black, new XPoint(Margin + indent, _y + size));
                _y += size * 1.7;
            }
            _y += after;
        }

        public void Space(double points) => _y += points;

        public void Dispose() => _gfx?.Dispose();

        private XFont Font(double size, bool bold) =>
            new(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

        private void EnsureRoom(double height)
        {
            if (_y + height > _page!.Height.Point - Margin)
            {
                NewPage();
            }
        }

        private XGraphics NewPage()
        {
            _gfx?.Dispose();
            _page = pdf.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _gfx;
        }
    }
}
