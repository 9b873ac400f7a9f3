using System.Globalization;

namespace ReportPipeline.Core.Languages;

/// <summary>
/// A line of a profile's cue file (<c>cues/*.txt</c>): a weight and a term, "2 lack of". A trailing <c>$</c> asks for the whole
/// word; a <see cref="AnyEnding"/> after a word of a phrase lets that word take any ending, in a language whose words are spaced.
/// </summary>
public sealed record WeightedTerm(double Weight, string Text)
{
    /// <summary>Marks a word of a phrase that takes any ending ("техническ* помощ": технической помощи, техническую помощь).</summary>
    public const char AnyEnding = '*';

    /// <summary>Reads a cue file; lines starting with '#' are comments. Throws <see cref="FormatException"/> naming the file and the line.</summary>
    public static IEnumerable<WeightedTerm> Parse(string source, bool matchAnywhere, string file)
    {
        foreach (var line in LanguageProfile.ContentLines(source))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || !double.TryParse(line[..space], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                throw new FormatException($"{file}: '{line}' is not a weight and a term.");
            }

            var term = line[(space + 1)..].Trim();
            if (term.Contains(AnyEnding, StringComparison.Ordinal) && (matchAnywhere || term.EndsWith(AnyEnding) || term.Contains("$" + AnyEnding, StringComparison.Ordinal)))
            {
                throw new FormatException($"{file}: '{line}' puts '{AnyEnding}' where no word follows it, or in a language without spaces.");
            }

            yield return new WeightedTerm(weight, term);
        }
    }
}
