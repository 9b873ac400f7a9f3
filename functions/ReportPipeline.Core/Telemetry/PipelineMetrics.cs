using System.Diagnostics.Metrics;

namespace ReportPipeline.Core.Telemetry;

/// <summary>
/// Counters of the pipeline's meter <see cref="MeterName"/>: one increment per ingested, rejected, failed and compiled
/// item and per upload slot issued or refused. Exporters (OpenTelemetry in the worker) subscribe by name.
/// </summary>
public sealed class PipelineMetrics
{
    public const string MeterName = "ReportPipeline";

    private readonly Counter<long> _ingested;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _compiled;
    private readonly Counter<long> _slotsIssued;
    private readonly Counter<long> _slotsRefused;

    public PipelineMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _ingested = meter.CreateCounter<long>("reportpipeline.reports.ingested", "{report}", "Reports accepted and stored as a state's submission.");
        _rejected = meter.CreateCounter<long>("reportpipeline.reports.rejected", "{report}", "Reports refused with a reason code.");
        _failed = meter.CreateCounter<long>("reportpipeline.reports.failed", "{report}", "Reports whose processing failed after every attempt.");
        _compiled = meter.CreateCounter<long>("reportpipeline.surveys.compiled", "{edition}", "Survey editions compiled, published or not.");
        _slotsIssued = meter.CreateCounter<long>("reportpipeline.uploads.slots_issued", "{slot}", "Upload slots issued to Member States.");
        _slotsRefused = meter.CreateCounter<long>("reportpipeline.uploads.slots_refused", "{request}", "Upload slot requests refused.");
    }

    public void ReportIngested(string state, string period) =>
        _ingested.Add(1, new("state", state), new("period", period));

    public void ReportRejected(string reasonCode, string period) =>
        _rejected.Add(1, new("reason", reasonCode), new("period", period));

    public void ReportFailed(string reasonCode, string period) =>
        _failed.Add(1, new("reason", reasonCode), new("period", period));

    public void SurveyCompiled(string period, bool published) =>
        _compiled.Add(1, new("period", period), new("published", published));

    public void SlotIssued(string state) => _slotsIssued.Add(1, new KeyValuePair<string, object?>("state", state));

    public void SlotRefused(string reasonCode) => _slotsRefused.Add(1, new KeyValuePair<string, object?>("reason", reasonCode));
}
