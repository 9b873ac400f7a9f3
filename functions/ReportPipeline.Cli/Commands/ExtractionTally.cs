using System.Globalization;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Cli.Commands;

/// <summary>What an extractor spent over an evaluation: which extractor answered, model tokens per report, quotes dropped, fallbacks.</summary>
internal sealed class ExtractionTally(IAnswerExtractor inner) : IAnswerExtractor
{
    private readonly List<ExtractedReport> _reports = [];

    public string ExtractorVersion => inner.ExtractorVersion;

    public async Task<ExtractedReport> ExtractAsync(LayoutDocument document, CancellationToken cancellationToken)
    {
        var report = await inner.ExtractAsync(document, cancellationToken);
        _reports.Add(report);
        return report;
    }

    public void Print()
    {
        if (_reports.Count == 0)
        {
            return;
        }

        var fellBack = _reports.Count(r => r.Warnings.Any(w => ReasonCodes.OpenAIFailures.Any(code => w.StartsWith(code + ":", StringComparison.Ordinal))));
        Console.WriteLine();
        Console.WriteLine($"extractor: {string.Join(", ", _reports.Select(r => r.ExtractorVersion).Distinct())}; {_reports.Count} reports, {fellBack} fell back to the local extractor");
        if (_reports.All(r => r.Usage == TokenUsage.None))
        {
            Console.WriteLine("model tokens: none (no model was asked)");
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model tokens per report: input mean {_reports.Average(r => r.Usage.Input):0}, max {_reports.Max(r => r.Usage.Input)}; "
            + $"output mean {_reports.Average(r => r.Usage.Output):0}, max {_reports.Max(r => r.Usage.Output)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"quotes proposed but not in the document, dropped: {_reports.Sum(r => r.QuotesRejected)} ({_reports.Average(r => r.QuotesRejected):0.00} per report)"));
    }
}
