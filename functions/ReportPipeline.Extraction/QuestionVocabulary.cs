using ReportPipeline.Core.Languages;

namespace ReportPipeline.Extraction;

/// <summary>
/// The per-question vocabulary of each language, kept as data in its profile: <c>Languages/Profiles/{language}/cues/{cue}.txt</c>
/// (<see cref="WeightedTerm"/>), read once. Latin and Cyrillic terms are word-initial stems (a leading space is added, so
/// "challeng" matches "challenges" but not "unchallenged"); a trailing "$" asks for a whole word, and a "*" after a word of a
/// phrase lets that word take any ending ("техническ* помощ"). Terms of a language whose profile says they match anywhere
/// (Arabic attaches articles and conjunctions to words, and Chinese has no spaces, so multi-character terms act as
/// character n-grams) lose their spaces. Everything is folded by <see cref="TextNormalizer"/>. The terms describe what each
/// question asks about in the vocabulary of UN counter-terrorism debates, not the wording of any particular statement.
/// </summary>
public static class QuestionVocabulary
{
    /// <summary>Marks a word of a phrase that takes any ending ("техническ* помощ": технической помощи, техническую помощь).</summary>
    public const char AnyEnding = WeightedTerm.AnyEnding;

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
    public static IReadOnlyList<VocabularyTerm> For(string language) => s_terms[LanguageProfiles.Embedded.GetOrReference(language).Code];

    /// <summary>Whether words of this language are separated by spaces, so terms can anchor at word starts.</summary>
    public static bool IsSpaced(string language) => !LanguageProfiles.Embedded.GetOrReference(language).Vocabulary.MatchAnywhere;

    private static Dictionary<string, IReadOnlyList<VocabularyTerm>> Load() =>
        LanguageProfiles.Embedded.All.ToDictionary(
            p => p.Code,
            p => (IReadOnlyList<VocabularyTerm>)[.. p.Cues()
                .SelectMany(file => file.Terms.Select(t => new VocabularyTerm(Fold(p.Code, t.Text), CueOf(p.Code, file.Name), t.Weight)))

                // A term written twice (or folding like another) counts once, at its higher weight.
                .GroupBy(t => (t.Text, t.Cue)).Select(g => g.MaxBy(t => t.Weight)!)],
            StringComparer.Ordinal);

    private static Cue CueOf(string language, string file) =>
        s_cueOfFile.TryGetValue(file, out var cue) ? cue : throw new FormatException($"Unknown vocabulary file '{language}/{LanguageProfile.CueFolder}{file}.txt'.");

    internal static IEnumerable<VocabularyTerm> Parse(string language, Cue cue, string source, string file) =>
        WeightedTerm.Parse(source, !IsSpaced(language), file).Select(t => new VocabularyTerm(Fold(language, t.Text), cue, t.Weight));

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
}
