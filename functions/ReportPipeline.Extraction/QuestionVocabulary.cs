using System.Globalization;
using ReportPipeline.Core.Languages;

namespace ReportPipeline.Extraction;

/// <summary>
/// The per-question vocabulary in the six UN languages, kept as data: <c>Extraction/Vocabulary/{language}/{cue}.txt</c>,
/// embedded in the assembly and read once. Each line is a weight and a term ("2 lack of"); lines starting with '#' are
/// comments. Latin and Cyrillic terms are word-initial stems (a leading space is added, so "challeng" matches
/// "challenges" but not "unchallenged"); a trailing "$" asks for a whole word, and a "*" after a word of a phrase lets
/// that word take any ending ("техническ* помощ"). Arabic and Chinese terms match anywhere:
/// Arabic attaches articles and conjunctions to words, and Chinese has no spaces, so multi-character terms act as
/// character n-grams. Everything is folded by <see cref="TextNormalizer"/>. The terms describe what each question asks
/// about in the vocabulary of UN counter-terrorism debates, not the wording of any particular statement.
/// </summary>
public static class QuestionVocabulary
{
    /// <summary>Marks a word of a phrase that takes any ending ("техническ* помощ": технической помощи, техническую помощь).</summary>
    public const char AnyEnding = '*';

    private const string ResourcePrefix = "Vocabulary/";

    private static readonly Dictionary<string, Cue> s_cueOfFile = new(StringComparer.Ordinal)
    {
        ["a"] = Cue.A,
        ["b"] = Cue.B,
        ["c"] = Cue.C,
        ["d"] = Cue.D,
        ["procedural"] = Cue.Procedural,
        ["deflection"] = Cue.Deflection,
        ["closing"] = Cue.Closing,
        ["null-heading"] = Cue.NullHeading,
        ["addressee"] = Cue.Addressee,
        ["directive"] = Cue.Directive,
        ["bodies"] = Cue.Body,
        ["relation"] = Cue.Relation,
        ["meets"] = Cue.Meets,
    };

    private static readonly Dictionary<string, IReadOnlyList<VocabularyTerm>> s_terms = Load();

    public static IReadOnlyCollection<string> Languages => s_terms.Keys;

    /// <summary>The terms of a language; English for an undetermined one, since English is the commonest working language.</summary>
    public static IReadOnlyList<VocabularyTerm> For(string language) =>
        s_terms.TryGetValue(language, out var terms) ? terms : s_terms["en"];

    /// <summary>Whether words of this language are separated by spaces, so terms can anchor at word starts.</summary>
    public static bool IsSpaced(string language) => language is not ("zh" or "ar");

    private static Dictionary<string, IReadOnlyList<VocabularyTerm>> Load()
    {
        var assembly = typeof(QuestionVocabulary).Assembly;
        var terms = new Dictionary<string, List<VocabularyTerm>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var parts = name[ResourcePrefix.Length..^".txt".Length].Split('/');
            var cue = s_cueOfFile.TryGetValue(parts[1], out var c) ? c : throw new FormatException($"Unknown vocabulary file '{name}'.");
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var list = terms.TryGetValue(parts[0], out var l) ? l : terms[parts[0]] = [];
            list.AddRange(Parse(parts[0], cue, reader.ReadToEnd(), name));
        }

        // A term written twice (or folding like another) counts once, at its higher weight.
        return terms.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<VocabularyTerm>)[.. kv.Value.GroupBy(t => (t.Text, t.Cue)).Select(g => g.MaxBy(t => t.Weight)!)],
            StringComparer.Ordinal);
    }

    internal static IEnumerable<VocabularyTerm> Parse(string language, Cue cue, string source, string file)
    {
        foreach (var line in source.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || !double.TryParse(line[..space], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                throw new FormatException($"{file}: '{line}' is not a weight and a term.");
            }

            var term = line[(space + 1)..].Trim();
            if (term.Contains(AnyEnding, StringComparison.Ordinal) && (!IsSpaced(language) || term.EndsWith(AnyEnding) || term.Contains("$" + AnyEnding, StringComparison.Ordinal)))
            {
                throw new FormatException($"{file}: '{line}' puts '{AnyEnding}' where no word follows it, or in a language without spaces.");
            }

            yield return new VocabularyTerm(Fold(language, term), cue, weight);
        }
    }

    /// <summary>
    /// Folds a term as the matcher sees text: padded words for spaced languages, bare n-grams without spaces otherwise. A word of
    /// a phrase marked <see cref="AnyEnding"/> keeps the mark: the phrase's words are then found one after the other, that word
    /// with any ending.
    /// </summary>
    internal static string Fold(string language, string raw)
    {
        if (raw.Contains(AnyEnding, StringComparison.Ordinal))
        {
            var words = raw.Split(AnyEnding);
            return string.Concat(words[..^1].Select(w => Fold(language, w) + AnyEnding)) + Fold(language, words[^1]);
        }

        var whole = raw.EndsWith('$');
        var folded = TextNormalizer.Normalize(whole ? raw[..^1] : raw).Trim();
        return IsSpaced(language) ? " " + folded + (whole ? " " : "") : folded.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>
    /// Folds text as the terms are folded. Unspaced languages lose their spaces: Arabic pages often run words together
    /// ("الاممالمتحدة"), and a term must match them either way.
    /// </summary>
    internal static string FoldText(string language, ReadOnlySpan<char> text) =>
        IsSpaced(language) ? TextNormalizer.Normalize(text) : TextNormalizer.Normalize(text).Replace(" ", "", StringComparison.Ordinal);
}
