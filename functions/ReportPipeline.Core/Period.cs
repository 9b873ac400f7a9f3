using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ReportPipeline.Core;

/// <summary>A reporting period: a year (2026), a half (2026-H1) or a quarter (2026-Q3).</summary>
[JsonConverter(typeof(PeriodJsonConverter))]
public sealed partial record Period
{
    /// <summary>What a period may be, in the words every refusal of one uses.</summary>
    public const string Rule = "a year (2026), a half (2026-H1) or a quarter (2026-Q3)";

    private Period(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out Period period)
    {
        period = null!;
        if (text is null || !Pattern().IsMatch(text))
        {
            return false;
        }

        period = new(text);
        return true;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a reporting period; use {Rule}.");

    /// <summary>The period before: 2025 for 2026, 2025-H2 for 2026-H1, 2026-Q2 for 2026-Q3; null before the first year a period may name.</summary>
    public Period? Previous()
    {
        var year = int.Parse(Value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        var previous = Value.Length == 4
            ? (year - 1).ToString(CultureInfo.InvariantCulture)
            : Value[6] > '1'
                ? string.Create(CultureInfo.InvariantCulture, $"{year}-{Value[5]}{(char)(Value[6] - 1)}")
                : string.Create(CultureInfo.InvariantCulture, $"{year - 1}-{Value[5]}{(Value[5] == 'H' ? 2 : 4)}");
        return TryParse(previous, out var period) ? period : null;
    }

    public override string ToString() => Value;

    [GeneratedRegex(@"^(19|20)\d{2}(-H[12]|-Q[1-4])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
