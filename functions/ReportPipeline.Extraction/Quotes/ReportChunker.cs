using ReportPipeline.Core.Reports;

namespace ReportPipeline.Extraction.Quotes;

/// <summary>Splits a report by paragraphs into chunks of at most a token budget; only a paragraph longer than the budget is cut, at a space where it can be.</summary>
public static class ReportChunker
{
    public static IReadOnlyList<ReportChunk> Split(IEnumerable<LayoutParagraph> paragraphs, int budget, Func<string, int> countTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        var separator = countTokens(ReportChunk.Separator);
        var chunks = new List<ReportChunk>();
        var current = new List<ChunkSegment>();
        var used = 0;
        foreach (var paragraph in paragraphs)
        {
            foreach (var (segment, tokens) in Pieces(paragraph, budget, countTokens))
            {
                var cost = tokens + (current.Count > 0 ? separator : 0);
                if (current.Count > 0 && used + cost > budget)
                {
                    chunks.Add(new ReportChunk(chunks.Count + 1, current));
                    current = [];
                    used = 0;
                    cost = tokens;
                }

                current.Add(segment);
                used += cost;
            }
        }

        if (current.Count > 0)
        {
            chunks.Add(new ReportChunk(chunks.Count + 1, current));
        }

        return chunks;
    }

    private static IEnumerable<(ChunkSegment Segment, int Tokens)> Pieces(LayoutParagraph paragraph, int budget, Func<string, int> countTokens)
    {
        var text = paragraph.Text;
        for (var start = 0; start < text.Length;)
        {
            var rest = text[start..];
            var tokens = countTokens(rest);
            if (tokens <= budget)
            {
                yield return (new ChunkSegment(paragraph, start, rest), tokens);
                yield break;
            }

            var length = Fit(rest, tokens, budget, countTokens);
            var piece = rest[..length];
            yield return (new ChunkSegment(paragraph, start, piece), countTokens(piece));
            start += length;
        }
    }

    /// <summary>The length of the longest prefix found that fits the budget, ending after a space when one is near the cut.</summary>
    private static int Fit(string text, int tokens, int budget, Func<string, int> countTokens)
    {
        var length = Math.Max(1, (int)((long)text.Length * budget / tokens * 9 / 10));
        while (length > 1 && countTokens(text[..length]) > budget)
        {
            length = Math.Max(1, length * 3 / 4);
        }

        var space = text.LastIndexOf(' ', length - 1, length - (length * 4 / 5));
        if (space > 0)
        {
            length = space + 1;
        }
        else if (length < text.Length && char.IsHighSurrogate(text[length - 1]) && length > 1)
        {
            length--;
        }

        return length;
    }
}
