using System.Text.Json;

namespace ReportPipeline.Core.Survey;

/// <summary>What the changes section needs from an earlier edition, read from that edition's published JSON.</summary>
public sealed record SurveyBaseline(
    Period Period,
    string Edition,
    int StatesReporting,
    IReadOnlyDictionary<string, int> VersionsByState,
    IReadOnlyDictionary<string, int> ThemeStates)
{
    /// <summary>Our own output, but bounded all the same.</summary>
    public const int MaxJsonBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Reads the fields every schema version has had (period, edition, global.statesReporting, annex, themes);
    /// null when the document is too large or not a survey.
    /// </summary>
    public static SurveyBaseline? TryParse(ReadOnlyMemory<byte> json)
    {
        if (json.Length > MaxJsonBytes)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var versions = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var state in root.GetProperty("annex").EnumerateArray())
            {
                if (state.GetProperty("reported").GetBoolean())
                {
                    versions[state.GetProperty("iso3").GetString()!] = state.GetProperty("version").GetInt32();
                }
            }

            var themes = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var theme in root.GetProperty("themes").EnumerateArray())
            {
                themes[theme.GetProperty("key").GetString()!] = theme.GetProperty("states").GetInt32();
            }

            return new SurveyBaseline(Period.Parse(root.GetProperty("period").GetString()!), root.GetProperty("edition").GetString()!,
                root.GetProperty("global").GetProperty("statesReporting").GetInt32(), versions, themes);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
