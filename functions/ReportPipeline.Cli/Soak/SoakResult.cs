using System.Globalization;

namespace ReportPipeline.Cli.Soak;

/// <summary>The soak's figures, every one measured: the counts from the storage, the timings from the run.</summary>
internal sealed record SoakResult(int Uploads, int Accepted, int Rejected, int Failed, int Lost, int Duplicated, int Restarts, double IngestP50, double IngestP95,
    double UploadsPerSecond, IReadOnlyList<string> Disagreements)
{
    /// <summary>Nothing lost or doubled, every upload accounted for, and the soak's own tally agrees with the storage.</summary>
    public bool Passed => Lost == 0 && Duplicated == 0 && Accepted + Rejected + Failed == Uploads && Disagreements.Count == 0;

    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"soak: {Uploads} uploads, accepted {Accepted}, rejected {Rejected}, failed {Failed}, lost {Lost}, duplicated {Duplicated}, restarts {Restarts}, "
        + $"ingest p50 {IngestP50:0} ms p95 {IngestP95:0} ms, {UploadsPerSecond:0.0} uploads/s");
}
