namespace ReportPipeline.Core.Languages;

/// <summary>
/// Folds text for vocabulary matching: lower case, Latin accents and Arabic diacritics removed, Arabic letter
/// variants and Cyrillic ё unified, full-width forms narrowed, hyphens, apostrophes and other punctuation turned into
/// spaces ("counter-terrorism" = "counter terrorism", "l'entraide" = "entraide"), runs of spaces collapsed, so that OCR
/// noise and spelling variants match the same stems.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Marks a character no profile folds: U+FFFF is not a character.</summary>
    private const char NoRule = '\uFFFF';

    /// <summary>What each profile's folding makes of a character: '\0' drops it, <see cref="NoRule"/> leaves it to the common rules.</summary>
    private static readonly char[] s_letters = ProfileFolding();

    /// <summary>The folded form of every character, computed once: folding is the hot path of every match.</summary>
    private static readonly char[] s_folded = FoldingTable();

    public static string Normalize(ReadOnlySpan<char> text)
    {
        var rented = text.Length < 512 ? null : System.Buffers.ArrayPool<char>.Shared.Rent(text.Length + 2);
        var buffer = rented ?? stackalloc char[text.Length + 2];
        var result = new string(buffer[..Normalize(text, buffer, spaces: true)]);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>
    /// Folds <paramref name="text"/> into <paramref name="destination"/> (at least two characters longer) and returns the
    /// length written: as <see cref="Normalize(ReadOnlySpan{char})"/>, or, without <paramref name="spaces"/>, with no space at all.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination, bool spaces) =>
        Normalize(text, destination, spaces, s_folded, default(NoReader), 0);

    /// <summary>
    /// As <see cref="Normalize(ReadOnlySpan{char}, Span{char}, bool)"/>, each character folded through <paramref name="table"/>
    /// (<see cref="Table"/>, or a language's that also reads its character variants, <see cref="ScriptVariants.Folding"/>) and
    /// handed to <paramref name="reader"/> as it is written, starting in <paramref name="state"/>: a scan that reads along needs
    /// no second pass over the text.
    /// </summary>
    internal static int Normalize<TReader>(ReadOnlySpan<char> text, Span<char> destination, bool spaces, char[] table, TReader reader, int state)
        where TReader : struct, IFoldReader
    {
        var n = 0;
        if (spaces)
        {
            destination[n++] = ' ';
            state = reader.Read(state, ' ', n);
        }

        // OCR's misread digits stand next to a digit: a text without one (most sentences) skips their test on every character.
        var digits = text.ContainsAnyInRange('0', '9');
        var space = true;
        for (var i = 0; i < text.Length; i++)
        {
            var raw = text[i];
            var c = table[digits && raw is 'l' or 'I' or 'O' ? OcrDigit(text, i) : raw];
            if (c == '\0' || (c == ' ' && (space || !spaces)))
            {
                continue;
            }

            destination[n++] = c;
            state = reader.Read(state, c, n);
            space = c == ' ';
        }

        if (!space && spaces)
        {
            destination[n++] = ' ';
            reader.Read(state, ' ', n);
        }

        return n;
    }

    /// <summary>The folded form of every character, as <see cref="Fold"/> gives it.</summary>
    internal static char[] Table => s_folded;

    /// <summary>OCR reads 1 as l or I and 0 as O inside numbers ("l373", "2OO1"); next to a digit they are digits.</summary>
    private static char OcrDigit(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (c is not ('l' or 'I' or 'O'))
        {
            return c;
        }

        var digitNext = i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]);
        var digitBefore = i > 0 && char.IsAsciiDigit(text[i - 1]);
        return c == 'O' ? (digitNext || digitBefore ? '0' : c) : (digitNext ? '1' : c);
    }

    /// <summary>The folded form of one character; '\0' drops it, ' ' separates words.</summary>
    public static char Fold(char c) => s_folded[c];

    private static char[] FoldingTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = FoldOne((char)c);
        }

        return table;
    }

    private static char FoldOne(char c)
    {
        if (c < 128)
        {
            return c switch
            {
                >= 'A' and <= 'Z' => (char)(c + 32),
                >= 'a' and <= 'z' or >= '0' and <= '9' => c,
                '/' => c,
                _ => ' ',
            };
        }

        if (s_letters[c] != NoRule)
        {
            return s_letters[c];
        }

        switch (c)
        {
            case >= '\uFF01' and <= '\uFF5E':
                return char.ToLowerInvariant((char)(c - 0xFEE0)) is var n && (char.IsLetterOrDigit(n)) ? n : ' ';
            case >= '\u00C0' and <= '\u024F':
                return StripAccent(char.ToLowerInvariant(c));
            default:
                return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) ? ' ' : c);
        }
    }

    private static char[] ProfileFolding()
    {
        var letters = new char[char.MaxValue + 1];
        Array.Fill(letters, NoRule);
        foreach (var folding in LanguageProfiles.Embedded.All.Select(p => p.Folding))
        {
            var drop = CharacterRanges.Parse(folding.Drop);
            for (var c = 0; c < char.MaxValue; c++)
            {
                if (drop.Contains((char)c))
                {
                    letters[c] = '\0';
                }
            }

            foreach (var (variants, letter) in folding.Letters)
            {
                foreach (var variant in variants)
                {
                    letters[variant] = letter[0];
                }
            }
        }

        return letters;
    }

    private static char StripAccent(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => 'a',
        'ç' => 'c',
        'è' or 'é' or 'ê' or 'ë' => 'e',
        'ì' or 'í' or 'î' or 'ï' => 'i',
        'ñ' => 'n',
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' => 'o',
        'ù' or 'ú' or 'û' or 'ü' => 'u',
        'ý' or 'ÿ' => 'y',
        'œ' => 'o',
        _ => c,
    };

    /// <summary>Reads nothing: folding alone.</summary>
    private readonly struct NoReader : IFoldReader
    {
        public int Read(int state, char folded, int end) => state;
    }
}
