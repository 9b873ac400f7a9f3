using System.Buffers;

namespace ReportPipeline.Core.Languages;

/// <summary>
/// A language's script and spelling variants, read as one form before terms are matched (a profile's optional
/// <c>variants.txt</c>): each line a folded form and the form it is read as. A pair of single characters is a character
/// map (Traditional Chinese characters as their Simplified forms); longer pairs are spellings, '_' standing for a space, a
/// word boundary ("co-operation" = "cooperation", "organization" = "organisation"), replaced in the file's order. Text and
/// vocabulary pass through the same map, so a term written in either form matches text in either.
/// </summary>
public sealed class ScriptVariants
{
    /// <summary>What every character is read as, when the language has a character map.</summary>
    private readonly char[]? _characters;
    private readonly (string From, string To)[] _spellings;

    /// <summary>The spellings' folded forms, to tell in one pass whether a text holds any.</summary>
    private readonly SearchValues<string>? _spelled;

    private char[]? _folding;

    private ScriptVariants(Dictionary<char, char> characters, (string From, string To)[] spellings)
    {
        if (characters.Count > 0)
        {
            _characters = new char[char.MaxValue + 1];
            for (var c = 0; c <= char.MaxValue; c++)
            {
                _characters[c] = characters.GetValueOrDefault((char)c, (char)c);
            }
        }


        _spellings = spellings;
        _spelled = spellings.Length == 0 ? null : SearchValues.Create([.. spellings.Select(s => s.From)], StringComparison.Ordinal);
    }

    /// <summary>A language without variants: text is read as it is.</summary>
    public static ScriptVariants None { get; } = new([], []);

    /// <summary>Reads a variants file; throws <see cref="FormatException"/> naming the file and the line that is not a pair.</summary>
    public static ScriptVariants Parse(string source, string file)
    {
        var characters = new Dictionary<char, char>();
        var spellings = new List<(string, string)>();
        foreach (var line in LanguageProfile.ContentLines(source))
        {
            if (line.Split(' ') is not [{ Length: > 0 } from, { Length: > 0 } to])
            {
                throw new FormatException($"{file}: '{line}' is not a form and the form it is read as.");
            }

            if (from.Length == 1 && to.Length == 1)
            {
                // A control character in a pair could turn a letter into one that folding drops, which Folding could not read as one table.
                if (char.IsControl(from[0]) || char.IsControl(to[0]))
                {
                    throw new FormatException($"{file}: '{line}' pairs a control character.");
                }

                characters[from[0]] = to[0];
            }
            else
            {
                spellings.Add((from.Replace('_', ' '), to.Replace('_', ' ')));
            }
        }

        return new(characters, [.. spellings]);
    }

    /// <summary>Folded text (or a folded term) with its variants replaced by the one form the vocabulary uses.</summary>
    public string Canonical(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return _characters is null && _spelled is null ? folded : Canonical(folded.ToCharArray().AsSpan()).ToString();
    }

    /// <summary>
    /// As <see cref="Canonical(string)"/> for folded text held in a buffer: characters are replaced in place, and the text is
    /// <paramref name="folded"/> itself unless a spelling changed it.
    /// </summary>
    public ReadOnlySpan<char> Canonical(Span<char> folded)
    {
        if (_characters is { } map)
        {
            for (var i = 0; i < folded.Length; i++)
            {
                folded[i] = map[folded[i]];
            }
        }

        return Respelled(folded) is { } text ? text : folded;
    }

    /// <summary>
    /// Folded text whose characters the map has read (<see cref="Folding"/>) with its variant spellings replaced, or null when it
    /// holds none: only a text that does pays for the replacements.
    /// </summary>
    public string? Respelled(ReadOnlySpan<char> folded)
    {
        if (_spelled is null || folded.IndexOfAny(_spelled) < 0)
        {
            return null;
        }

        var text = new string(folded);
        foreach (var (from, to) in _spellings)
        {
            if (text.Contains(from, StringComparison.Ordinal))
            {
                text = text.Replace(from, to, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>
    /// What <see cref="TextNormalizer"/> folds every character to, read through the character map: folding and the map in one
    /// table read. The map pairs no space and no control character, so the characters folding drops or collapses stay those.
    /// Built on first use, since profiles (and so variants) are read while the normalizer's own table is being built.
    /// </summary>
    internal char[] Folding => _folding ??= _characters is { } map ? [.. TextNormalizer.Table.Select(c => map[c])] : TextNormalizer.Table;
}
