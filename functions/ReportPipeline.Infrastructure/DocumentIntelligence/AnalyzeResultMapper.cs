using System.Text.Json;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Infrastructure.DocumentIntelligence;

/// <summary>
/// Maps an <c>analyzeResult</c> (2024-11-30 or 2023-07-31) into the layout model: paragraphs in content order with
/// their roles, heading levels from the nesting of <c>sections</c>, tables in place of their cell paragraphs, and the
/// language that covers most of the content.
/// </summary>
public static class AnalyzeResultMapper
{
    public static LayoutDocument Map(JsonElement result, DocumentFormat format)
    {
        var paragraphs = Array(result, "paragraphs");
        var tables = Array(result, "tables");
        var levels = HeadingLevels(result);
        var inTables = new HashSet<int>();
        foreach (var table in tables)
        {
            foreach (var cell in Array(table, "cells"))
            {
                foreach (var element in Array(cell, "elements"))
                {
                    if (Reference(element.GetString(), "paragraphs") is { } p)
                    {
                        inTables.Add(p);
                    }
                }
            }
        }

        var items = new List<(int Offset, int Order, Func<int, LayoutParagraph> Make, LayoutTable? Table)>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (inTables.Contains(i))
            {
                continue;
            }

            var paragraph = paragraphs[i];
            var role = RoleOf(paragraph);
            var text = paragraph.TryGetProperty("content", out var c) ? c.GetString() ?? "" : "";
            var level = role == ParagraphRole.Heading ? levels.GetValueOrDefault(i, 1) : 0;
            var page = PageOf(paragraph);
            items.Add((Offset(paragraph), i, index => new LayoutParagraph(page, index, role, text, level), null));
        }

        var layoutTables = new List<LayoutTable>();
        for (var t = 0; t < tables.Count; t++)
        {
            var rows = Rows(tables[t]);
            var page = PageOf(tables[t]);
            var text = string.Join('\n', rows.Select(r => string.Join('\t', r)));
            items.Add((Offset(tables[t]), paragraphs.Count + t, index => new LayoutParagraph(page, index, ParagraphRole.Table, text), new LayoutTable(page, 0, rows)));
        }

        var layout = new List<LayoutParagraph>(items.Count);
        foreach (var item in items.OrderBy(i => i.Offset).ThenBy(i => i.Order))
        {
            var paragraph = item.Make(layout.Count + 1);
            if (paragraph.Text.Length == 0)
            {
                continue;
            }

            layout.Add(paragraph);
            if (item.Table is { } table)
            {
                layoutTables.Add(table with { Index = paragraph.Index });
            }
        }

        var warnings = Array(result, "warnings").Select(w => $"document-intelligence: {Str(w, "code")} {Str(w, "message")}".TrimEnd()).ToList();
        return new LayoutDocument(format, Language(result), Math.Max(1, Array(result, "pages").Count), layout, layoutTables, warnings);
    }

    private static ParagraphRole RoleOf(JsonElement paragraph) => Str(paragraph, "role") switch
    {
        "title" => ParagraphRole.Title,
        "sectionHeading" => ParagraphRole.Heading,
        "pageHeader" => ParagraphRole.PageHeader,
        "pageFooter" => ParagraphRole.PageFooter,
        "pageNumber" => ParagraphRole.PageNumber,
        "footnote" => ParagraphRole.Footnote,
        _ => ParagraphRole.Body,
    };

    /// <summary>A heading's level is the depth of the section it opens; sections[0] is the whole document.</summary>
    private static Dictionary<int, int> HeadingLevels(JsonElement result)
    {
        var sections = Array(result, "sections");
        var levels = new Dictionary<int, int>();
        if (sections.Count == 0)
        {
            return levels;
        }

        var visited = new HashSet<int>();
        void Walk(int section, int depth)
        {
            if (!visited.Add(section) || section >= sections.Count)
            {
                return;
            }

            foreach (var element in Array(sections[section], "elements"))
            {
                var reference = element.GetString();
                if (Reference(reference, "paragraphs") is { } p)
                {
                    levels.TryAdd(p, Math.Max(1, depth));
                }
                else if (Reference(reference, "sections") is { } s)
                {
                    Walk(s, depth + 1);
                }
            }
        }

        Walk(0, 0);
        return levels;
    }

    private static List<IReadOnlyList<string>> Rows(JsonElement table)
    {
        var rowCount = table.TryGetProperty("rowCount", out var r) && r.TryGetInt32(out var rc) ? Math.Clamp(rc, 0, 10_000) : 0;
        var columnCount = table.TryGetProperty("columnCount", out var cl) && cl.TryGetInt32(out var cc) ? Math.Clamp(cc, 0, 1_000) : 0;
        var grid = new string[rowCount][];
        for (var i = 0; i < rowCount; i++)
        {
            grid[i] = Enumerable.Repeat("", columnCount).ToArray();
        }

        foreach (var cell in Array(table, "cells"))
        {
            if (cell.TryGetProperty("rowIndex", out var ri) && ri.TryGetInt32(out var row) && cell.TryGetProperty("columnIndex", out var ci)
                && ci.TryGetInt32(out var column) && row >= 0 && row < rowCount && column >= 0 && column < columnCount)
            {
                grid[row][column] = Str(cell, "content");
            }
        }

        return [.. grid];
    }

    /// <summary>The primary subtag of the locale whose spans cover most of the content.</summary>
    private static string Language(JsonElement result)
    {
        var best = Array(result, "languages")
            .Where(l => !l.TryGetProperty("confidence", out var c) || c.GetDouble() >= 0.5)
            .Select(l => (Locale: Str(l, "locale"), Length: Array(l, "spans").Sum(s => s.TryGetProperty("length", out var n) ? n.GetInt32() : 0)))
            .Where(l => l.Locale.Length > 0)
            .GroupBy(l => l.Locale.Split('-')[0].ToLowerInvariant())
            .MaxBy(g => g.Sum(l => l.Length));
        return best?.Key ?? "";
    }

    private static int PageOf(JsonElement element) =>
        Array(element, "boundingRegions").Select(b => b.TryGetProperty("pageNumber", out var p) && p.TryGetInt32(out var n) ? n : 1).DefaultIfEmpty(1).First();

    private static int Offset(JsonElement element) =>
        Array(element, "spans").Select(s => s.TryGetProperty("offset", out var o) && o.TryGetInt32(out var n) ? n : int.MaxValue).DefaultIfEmpty(int.MaxValue).First();

    private static int? Reference(string? pointer, string collection)
    {
        var prefix = $"/{collection}/";
        return pointer is not null && pointer.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(pointer.AsSpan(prefix.Length), out var index) && index >= 0
            ? index
            : null;
    }

    private static List<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray()] : [];

    private static string Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
