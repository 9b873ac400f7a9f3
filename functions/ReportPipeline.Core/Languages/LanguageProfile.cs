using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace ReportPipeline.Core.Languages;

/// <summary>
/// One language's folder of data (<c>Languages/Profiles/{code}/</c>): <c>profile.json</c>, the flat string maps beside it
/// (<c>portal.json</c>, …) and its text files (<c>cues/*.txt</c>, …), as loaded and checked by <see cref="LanguageProfiles"/>.
/// </summary>
public sealed class LanguageProfile
{
    private readonly FrozenDictionary<string, ReadOnlyDictionary<string, string>> _strings;
    private readonly FrozenDictionary<string, string> _texts;

    /// <summary>The folder holding a profile's cue files, each a list of weighted terms (<see cref="WeightedTerm"/>).</summary>
    public const string CueFolder = "cues/";

    /// <summary>The profile's script and spelling variants (<see cref="ScriptVariants"/>), a file a language may do without.</summary>
    public const string VariantsFile = "variants.txt";

    private readonly FrozenDictionary<string, IReadOnlyList<WeightedTerm>> _cues;

    internal LanguageProfile(
        ProfileDocument document,
        IReadOnlyDictionary<string, OrderedDictionary<string, string>> strings,
        IReadOnlyDictionary<string, string> texts)
    {
        Document = document;
        _strings = strings.ToFrozenDictionary(s => s.Key, s => new ReadOnlyDictionary<string, string>(s.Value), StringComparer.Ordinal);
        _texts = texts.ToFrozenDictionary(StringComparer.Ordinal);
        ScriptCharacters = CharacterRanges.Parse(document.Detection.Characters);
        _cues = _texts.Where(t => t.Key.StartsWith(CueFolder, StringComparison.Ordinal))
            .ToFrozenDictionary(t => t.Key, t => (IReadOnlyList<WeightedTerm>)[.. WeightedTerm.Parse(t.Value, document.Vocabulary.MatchAnywhere, $"{document.Code}/{t.Key}")], StringComparer.Ordinal);
        Variants = _texts.TryGetValue(VariantsFile, out var variants) ? ScriptVariants.Parse(variants, $"{document.Code}/{VariantsFile}") : ScriptVariants.None;
    }

    /// <summary>The ISO 639-1 code: <c>ar</c>, <c>zh</c>, <c>en</c>, …</summary>
    public string Code => Document.Code;

    /// <summary>The language's name in English.</summary>
    public string Name => Document.Name;

    /// <summary>The language's name in itself ("Français").</summary>
    public string NativeName => Document.NativeName;

    /// <summary>The ISO 15924 code of its script ("Latn", "Arab").</summary>
    public string Script => Document.Script;

    public bool RightToLeft => Document.RightToLeft;

    /// <summary>The value of an HTML <c>dir</c> attribute for text in this language.</summary>
    public string Direction => Document.Direction;

    /// <summary>How the language is told from the others.</summary>
    public DetectionDocument Detection => Document.Detection;

    /// <summary>The characters of its script, as <see cref="Detection"/> lists them.</summary>
    public CharacterRanges ScriptCharacters { get; }

    /// <summary>How its vocabulary is matched.</summary>
    public VocabularyDocument Vocabulary => Document.Vocabulary;

    /// <summary>Its sentence and heading rules.</summary>
    public SentenceDocument Sentences => Document.Sentences;

    /// <summary>How it marks the guiding questions.</summary>
    public MarkerDocument Markers => Document.Markers;

    /// <summary>How its letters are folded for matching.</summary>
    public FoldingDocument Folding => Document.Folding;

    /// <summary>Its script and spelling variants, read as the vocabulary's forms; <see cref="ScriptVariants.None"/> without a <see cref="VariantsFile"/>.</summary>
    public ScriptVariants Variants { get; }

    /// <summary>The names of its flat string maps ("portal.json", …).</summary>
    public IReadOnlyCollection<string> StringFiles => _strings.Keys;

    /// <summary>The names of its text files, relative to its folder ("cues/a.txt", …).</summary>
    public IReadOnlyCollection<string> TextFiles => _texts.Keys;

    internal ProfileDocument Document { get; }

    /// <summary>A flat string map of the profile by file name ("portal.json"), in the file's order; every language has the same keys.</summary>
    public IReadOnlyDictionary<string, string> Strings(string fileName) =>
        _strings.TryGetValue(fileName, out var strings) ? strings : throw new KeyNotFoundException($"Language profile '{Code}' has no string file '{fileName}'.");

    /// <summary>Its cue files by name without folder or extension ("a", "null-heading"), in the order of their names.</summary>
    public IEnumerable<(string Name, IReadOnlyList<WeightedTerm> Terms)> Cues() =>
        _cues.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key[CueFolder.Length..^".txt".Length], c.Value));

    /// <summary>The lines of a text file of the profile that are neither empty nor comments ('#'), trimmed.</summary>
    public IReadOnlyList<string> Lines(string path) => [.. ContentLines(Text(path))];

    internal static IEnumerable<string> ContentLines(string source) =>
        source.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#'));

    /// <summary>A text file of the profile by its path in the folder ("cues/a.txt").</summary>
    public string Text(string path) =>
        _texts.TryGetValue(path, out var text) ? text : throw new KeyNotFoundException($"Language profile '{Code}' has no file '{path}'.");
}
