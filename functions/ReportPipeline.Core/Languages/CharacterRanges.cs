using System.Globalization;

namespace ReportPipeline.Core.Languages;

/// <summary>Ranges of code points written in a profile as hexadecimal "0600-06FF" (or one code point, "0640").</summary>
public sealed class CharacterRanges
{
    private readonly (char First, char Last)[] _ranges;

    private CharacterRanges((char First, char Last)[] ranges) => _ranges = ranges;

    public static CharacterRanges Empty { get; } = new([]);

    public bool Contains(char c)
    {
        foreach (var (first, last) in _ranges)
        {
            if (c >= first && c <= last)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the ranges, or throws <see cref="FormatException"/> naming the one that is not a range of code points.</summary>
    public static CharacterRanges Parse(IEnumerable<string> ranges) => new([.. ranges.Select(ParseOne)]);

    public CharacterRanges Union(CharacterRanges other) => new([.. _ranges, .. other._ranges]);

    private static (char, char) ParseOne(string range)
    {
        var parts = range.Split('-');
        return parts.Length <= 2 && parts.All(p => p.Length == 4 && ushort.TryParse(p, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _))
            && Hex(parts[0]) <= Hex(parts[^1])
            ? (Hex(parts[0]), Hex(parts[^1]))
            : throw new FormatException($"'{range}' is not a range of code points such as 0600-06FF.");

        static char Hex(string part) => (char)ushort.Parse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }
}
