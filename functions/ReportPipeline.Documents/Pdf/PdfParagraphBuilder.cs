using System.Globalization;
using System.Text;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Documents.Pdf;

/// <summary>Turns ordered lines of all pages into paragraphs with roles: furniture first, then blocks, then headings.</summary>
internal static class PdfParagraphBuilder
{
    /// <summary>Running headers and footers live in this top or bottom share of the page.</summary>
    private const double FurnitureZone = 0.12;

    public static List<LayoutParagraph> Build(List<PdfLine> lines, double[] pageHeights)
    {
        var furniture = FindFurniture(lines, pageHeights);
        var body = lines.Where(l => !furniture.ContainsKey(l)).ToList();
        var printed = body.Where(l => !l.Field).ToList();
        var bodySize = ModalSize(printed);
        var pitch = ModalPitch(printed, bodySize);

        var blocks = new List<Block>();
        Block? current = null;
        PdfLine? previous = null;
        foreach (var line in body)
        {
            if (current is null || previous is null || line.Field || previous.Field || StartsNewBlock(previous, line, current, bodySize, pitch))
            {
                current = new Block(line.Page, !line.Field && IsHeadingLine(line, bodySize), line.FontSize);
                blocks.Add(current);
            }

            ScriptText.AppendLine(current.Text, line.Text);
            current.MaxWidth = Math.Max(current.MaxWidth, line.Width);
            previous = line;
        }

        var title = blocks.Count > 0 && blocks[0].Heading && blocks[0].Page == 1 && blocks[0].Size >= bodySize * 1.3
            && blocks.All(b => b.Size <= blocks[0].Size) ? blocks[0] : null;
        var headingSizes = blocks.Where(b => b.Heading && b != title).Select(b => Math.Round(b.Size)).Distinct().OrderDescending().ToList();
        var result = new List<LayoutParagraph>(blocks.Count + furniture.Count);
        var furnitureByPage = furniture.GroupBy(f => f.Key.Page).ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Key.Top).ToList());
        var page = 0;
        foreach (var block in blocks)
        {
            for (; page < block.Page; page++)
            {
                // Each page's foot, then the next page's head, before that page's first paragraph.
                EmitFurniture(page, top: false, furnitureByPage, pageHeights, result);
                EmitFurniture(page + 1, top: true, furnitureByPage, pageHeights, result);
            }

            var text = ScriptText.CollapseWhitespace(block.Text.ToString());
            if (text.Length == 0)
            {
                continue;
            }

            var role = ParagraphRole.Body;
            var level = 0;
            if (block == title)
            {
                role = ParagraphRole.Title;
            }
            else if (block.Heading && text.Length <= 300)
            {
                role = ParagraphRole.Heading;
                level = headingSizes.IndexOf(Math.Round(block.Size)) + 1;
            }

            result.Add(new LayoutParagraph(block.Page, result.Count + 1, role, text, role == ParagraphRole.Heading ? level : 0));
        }

        for (; page < pageHeights.Length; page++)
        {
            EmitFurniture(page, top: false, furnitureByPage, pageHeights, result);
            EmitFurniture(page + 1, top: true, furnitureByPage, pageHeights, result);
        }

        return result;
    }

    private static void EmitFurniture(int page, bool top, Dictionary<int, List<KeyValuePair<PdfLine, ParagraphRole>>> byPage, double[] pageHeights, List<LayoutParagraph> result)
    {
        foreach (var (line, role) in byPage.GetValueOrDefault(page) ?? [])
        {
            if (line.Top >= pageHeights[page] / 2 == top)
            {
                result.Add(new LayoutParagraph(page, result.Count + 1, role, ScriptText.CollapseWhitespace(line.Text)));
            }
        }
    }

    private static bool StartsNewBlock(PdfLine previous, PdfLine line, Block block, double bodySize, double pitch)
    {
        var heading = IsHeadingLine(line, bodySize);
        if (heading != block.Heading || Math.Abs(line.FontSize - block.Size) > 1.0)
        {
            return true;
        }

        var sameFlow = line.Page == previous.Page && line.Baseline < previous.Baseline && line.Left < previous.Right && previous.Left < line.Right;
        if (!sameFlow)
        {
            // A column or page break: the paragraph goes on when the previous line did not end it.
            return heading || EndsSentence(block.Text);
        }

        var drop = previous.Baseline - line.Baseline;
        if (drop > pitch * 1.3 + 0.5)
        {
            return true;
        }

        // Justified text without space between paragraphs: a short line that ends a sentence ends the paragraph.
        if (previous.Width < block.MaxWidth - 2 * previous.FontSize && EndsSentence(block.Text))
        {
            return true;
        }

        // A first-line indent (CJK reports use them instead of space between paragraphs).
        return line.Left > previous.Left + line.FontSize * 1.5 && line.Right >= previous.Right - line.FontSize;
    }

    private static bool EndsSentence(StringBuilder text)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i] is '.' or ':' or ';' or '!' or '?' or '。' or '：' or '；' or '！' or '？' or '»' or '"' or '”' or ')' or '）';
            }
        }

        return true;
    }

    private static bool IsHeadingLine(PdfLine line, double bodySize) => line.FontSize >= bodySize + 1.0 || line.Bold;

    private static double ModalSize(List<PdfLine> lines) =>
        lines.Count == 0 ? 0 : lines.GroupBy(l => Math.Round(l.FontSize * 2) / 2).MaxBy(g => g.Sum(l => l.Text.Length))!.Key;

    /// <summary>The usual distance between baselines of body lines, the yardstick for paragraph spacing.</summary>
    private static double ModalPitch(List<PdfLine> lines, double bodySize)
    {
        var deltas = new Dictionary<double, int>();
        for (var i = 1; i < lines.Count; i++)
        {
            var drop = lines[i - 1].Baseline - lines[i].Baseline;
            if (lines[i].Page == lines[i - 1].Page && drop > 0 && drop < bodySize * 3 && Math.Abs(lines[i].FontSize - bodySize) < 1)
            {
                var key = Math.Round(drop * 2) / 2;
                deltas[key] = deltas.GetValueOrDefault(key) + 1;
            }
        }

        return deltas.Count == 0 ? bodySize * 1.2 : deltas.MaxBy(d => d.Value).Key;
    }

    /// <summary>
    /// Lines near the top or bottom of a page whose text, digits aside, recurs on other pages are running heads and
    /// feet; a lone number there is a page number even on a one-page document.
    /// </summary>
    private static Dictionary<PdfLine, ParagraphRole> FindFurniture(List<PdfLine> lines, double[] pageHeights)
    {
        var candidates = new List<(PdfLine Line, bool Top, string Key)>();
        foreach (var line in lines.Where(l => !l.Field))
        {
            var height = pageHeights[line.Page];
            var top = line.Top >= height * (1 - FurnitureZone);
            if (top || line.Bottom <= height * FurnitureZone)
            {
                candidates.Add((line, top, Shape(line.Text)));
            }
        }

        var pages = pageHeights.Length - 1;
        var recurring = candidates.GroupBy(c => (c.Key, c.Top)).Where(g => g.Select(c => c.Line.Page).Distinct().Count() >= Math.Max(2, (pages + 1) / 2))
            .SelectMany(g => g).ToList();
        var furniture = new Dictionary<PdfLine, ParagraphRole>();
        foreach (var (line, top, _) in candidates)
        {
            if (IsPageNumber(line.Text))
            {
                furniture[line] = ParagraphRole.PageNumber;
            }
        }

        foreach (var (line, top, _) in recurring)
        {
            furniture.TryAdd(line, top ? ParagraphRole.PageHeader : ParagraphRole.PageFooter);
        }

        return furniture;
    }

    private static string Shape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.IsDigit(c) ? '#' : char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool IsPageNumber(string text)
    {
        var t = text.Trim().Trim('-', '–', '—', ' ');
        return t.Length is > 0 and <= 6 && (t.All(char.IsDigit) || t.All(c => "ivxlcdm".Contains(char.ToLowerInvariant(c), StringComparison.Ordinal)));
    }

    private sealed class Block(int page, bool heading, double size)
    {
        public int Page { get; } = page;

        public bool Heading { get; } = heading;

        public double Size { get; } = size;

        public StringBuilder Text { get; } = new();

        public double MaxWidth { get; set; }
    }
}
