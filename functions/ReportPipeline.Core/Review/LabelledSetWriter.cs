using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ReportPipeline.Core.Review;

/// <summary>
/// Writes labelled reports as a statement set, the layout of the real-statement corpus that <c>eval DIR</c> scores:
/// <c>cases/NN-ISO3-ll.txt</c> (header lines, a line <c>=====</c>, the text) and <c>labels.json</c>.
/// </summary>
public static class LabelledSetWriter
{
    public const string CasesFolder = "cases";
    public const string LabelsFile = "labels.json";
    private const string BodySeparator = "=====";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static async Task WriteAsync(string directory, IReadOnlyList<LabelledReport> reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var cases = Directory.CreateDirectory(Path.Combine(directory, CasesFolder));
        var labels = new SortedDictionary<string, Dictionary<string, LabelledAnswer>>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            await File.WriteAllTextAsync(Path.Combine(cases.FullName, report.Name + ".txt"),
                string.Join('\n', report.Header) + "\n" + BodySeparator + "\n" + report.Body + "\n", Encoding.UTF8, cancellationToken);
            labels[report.Name] = report.Labels.ToDictionary(l => l.Key.ToString(), l => l.Value, StringComparer.Ordinal);
        }

        await File.WriteAllTextAsync(Path.Combine(directory, LabelsFile), JsonSerializer.Serialize(labels, s_json), Encoding.UTF8, cancellationToken);
    }
}
