using System.Text;
using System.Text.RegularExpressions;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Documents;

/// <summary>Plain text and Markdown: blank lines separate paragraphs, form feeds separate pages.</summary>
public sealed partial class PlainTextAnalyzer : IFormatAnalyzer
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public bool CanAnalyze(DocumentFormat format) => format is DocumentFormat.Text or DocumentFormat.Markdown;

    public Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, DocumentFormat format, CancellationToken cancellationToken)
    {
        var text = Decode(content.Span);
        var paragraphs = new List<LayoutParagraph>();
        var pages = text.Split('\f');
        for (var p = 0; p < pages.Length; p++)
        {
            foreach (var block in BlankLines().Split(pages[p].Replace("\r\n", "\n", StringComparison.Ordinal)))
            {
                AddBlock(block, p + 1, format == DocumentFormat.Markdown, paragraphs);
            }
        }

        return Task.FromResult(new LayoutDocument(format, "", pages.Length, paragraphs, [], []));
    }

    internal static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        try
        {
            return s_strictUtf8.GetString(bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ReportRejectedException(ReasonCodes.Corrupt, "The text is not valid UTF-8 or UTF-16; save it as UTF-8 and upload it again.");
        }
    }

    private static void AddBlock(string block, int page, bool markdown, List<LayoutParagraph> paragraphs)
    {
        var lines = block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var body = new List<string>();
        foreach (var line in lines)
        {
            if (markdown && TryParseHeading(line, out var level, out var title))
            {
                Flush(body, page, paragraphs);
                paragraphs.Add(new LayoutParagraph(page, paragraphs.Count + 1, ParagraphRole.Heading, title, level));
            }
            else if (ListItem().IsMatch(line))
            {
                Flush(body, page, paragraphs);
                paragraphs.Add(new LayoutParagraph(page, paragraphs.Count + 1, ParagraphRole.ListItem, line));
            }
            else
            {
                body.Add(line);
            }
        }

        Flush(body, page, paragraphs);
    }

    /// <summary>
    /// A Markdown ATX heading of a trimmed line ("## Title ##"): one to six '#', white space, the title; a closing run of
    /// '#' after white space is dropped ("# C#" keeps its '#'). A scan, not a regex: one pass whatever the spacing.
    /// </summary>
    internal static bool TryParseHeading(string line, out int level, out string title)
    {
        level = 0;
        title = "";
        var hashes = 0;
        while (hashes < line.Length && line[hashes] == '#')
        {
            hashes++;
        }

        if (hashes is 0 or > 6 || hashes == line.Length || !char.IsWhiteSpace(line[hashes]))
        {
            return false;
        }

        var text = line.AsSpan(hashes).Trim();
        var end = text.Length;
        while (end > 0 && text[end - 1] == '#')
        {
            end--;
        }

        if (end == 0)
        {
            return false;
        }

        title = (char.IsWhiteSpace(text[end - 1]) ? text[..end].TrimEnd() : text).ToString();
        level = hashes;
        return true;
    }

    private static void Flush(List<string> lines, int page, List<LayoutParagraph> paragraphs)
    {
        if (lines.Count > 0)
        {
            paragraphs.Add(new LayoutParagraph(page, paragraphs.Count + 1, ParagraphRole.Body, string.Join(' ', lines)));
            lines.Clear();
        }
    }

    [GeneratedRegex(@"\n[ \t]*\n", RegexOptions.NonBacktracking)]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"^([-*•]|\d{1,2}[.)])\s+\S", RegexOptions.NonBacktracking)]
    private static partial Regex ListItem();
}
