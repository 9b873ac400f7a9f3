using System.Text.RegularExpressions;
using ReportPipeline.Core.MemberStates;

namespace ReportPipeline.Core.Ingestion;

/// <summary>A validated report blob name: <c>{period}/{ISO3}/{file}</c> inside the reports container.</summary>
public sealed partial record ReportPath(string Period, MemberState State, string FileName)
{
    public const int MaxFileNameLength = 128;

    public string BlobName => $"{Period}/{State.Iso3}/{FileName}";

    /// <summary>Parses a blob name, or names the reason it cannot be a report.</summary>
    public static bool TryParse(string blobName, MemberStateRegistry states, out ReportPath? path, out ReportRejectedException? rejection)
    {
        path = null;
        rejection = null;
        var parts = blobName.Split('/');
        if (parts.Length != 3)
        {
            rejection = new(ReasonCodes.BadPath, $"A report must be uploaded as {{period}}/{{ISO3}}/{{file}}; '{Display(blobName)}' has {parts.Length} part(s).");
            return false;
        }

        var (period, iso3, file) = (parts[0], parts[1], parts[2]);
        if (!IsPeriod(period))
        {
            rejection = new(ReasonCodes.BadPeriod, $"'{Display(period)}' is not a reporting period; use a year (2026), a half (2026-H1) or a quarter (2026-Q3).");
            return false;
        }

        if (!states.TryGet(iso3, out var state))
        {
            rejection = new(ReasonCodes.UnknownState, $"'{Display(iso3)}' is not the ISO 3166 alpha-3 code of a UN Member State.");
            return false;
        }

        if (!SafeFileName().IsMatch(file) || file.Length > MaxFileNameLength || file.Contains("..", StringComparison.Ordinal))
        {
            rejection = new(ReasonCodes.BadFileName, $"File names may use letters, digits, '.', '-' and '_' (at most {MaxFileNameLength} characters), and must not start with '.'.");
            return false;
        }

        path = new ReportPath(period, state, file);
        return true;
    }

    public static bool IsPeriod(string period) => PeriodPattern().IsMatch(period);

    private static string Display(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex(@"^(19|20)\d{2}(-H[12]|-Q[1-4])?$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeFileName();
}
