using System.ComponentModel.DataAnnotations;

namespace ReportPipeline.Core;

/// <summary>
/// Which reporting periods are open (app setting <c>Periods__Open</c>, comma-separated, e.g. <c>2026-H1,2026-H2</c>):
/// upload slots and ingestion refuse every other period with <c>period-closed</c>, so a closed period's survey stays final.
/// Empty closes every period.
/// </summary>
public sealed class PeriodOptions : IValidatableObject
{
    public const string SectionName = "Periods";

    /// <summary>The default opens the periods of the current reporting cycle, which the seed reports use; Azure sets its own.</summary>
    public string Open { get; set; } = "2026-H1,2026-H2";

    public IReadOnlyList<string> OpenNames => Open.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsOpen(Period period) => OpenNames.Contains(period.Value, StringComparer.Ordinal);

    /// <summary>Why a report for <paramref name="period"/> is refused, in the words a slot and the ledger both give.</summary>
    public string ClosedMessage(Period period) => OpenNames.Count == 0
        ? $"The period {period} is not open for reports; no period is open now."
        : $"The period {period} is not open for reports; open: {string.Join(", ", OpenNames)}.";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        OpenNames.Where(name => !Period.TryParse(name, out _))
            .Select(name => new ValidationResult($"Periods:Open lists '{name}', which is not {Period.Rule}.", [nameof(Open)]));
}
