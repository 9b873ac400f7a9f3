using System.Collections.Frozen;

namespace ReportPipeline.Core.Languages;

/// <summary>
/// One language's folder of data (<c>Languages/Profiles/{code}/</c>): <c>profile.json</c>, the flat string maps beside it
/// (<c>portal.json</c>, …) and its text files (<c>cues/*.txt</c>, …), as loaded and checked by <see cref="LanguageProfiles"/>.
/// </summary>
public sealed class LanguageProfile
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _strings;
    private readonly FrozenDictionary<string, string> _texts;

    internal LanguageProfile(
        ProfileDocument document,
        IReadOnlyDictionary<string, FrozenDictionary<string, string>> strings,
        IReadOnlyDictionary<string, string> texts)
    {
        Document = document;
        _strings = strings.ToFrozenDictionary(StringComparer.Ordinal);
        _texts = texts.ToFrozenDictionary(StringComparer.Ordinal);
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

    /// <summary>The names of its flat string maps ("portal.json", …).</summary>
    public IReadOnlyCollection<string> StringFiles => _strings.Keys;

    /// <summary>The names of its text files, relative to its folder ("cues/a.txt", …).</summary>
    public IReadOnlyCollection<string> TextFiles => _texts.Keys;

    internal ProfileDocument Document { get; }

    /// <summary>A flat string map of the profile by file name ("portal.json"); every language has the same keys.</summary>
    public IReadOnlyDictionary<string, string> Strings(string fileName) =>
        _strings.TryGetValue(fileName, out var strings) ? strings : throw new KeyNotFoundException($"Language profile '{Code}' has no string file '{fileName}'.");

    /// <summary>A text file of the profile by its path in the folder ("cues/a.txt").</summary>
    public string Text(string path) =>
        _texts.TryGetValue(path, out var text) ? text : throw new KeyNotFoundException($"Language profile '{Code}' has no file '{path}'.");
}
