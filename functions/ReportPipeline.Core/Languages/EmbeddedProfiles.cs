using System.Reflection;
using System.Text.Json;

namespace ReportPipeline.Core.Languages;

/// <summary>Reads a language profile's flat string map (<c>Languages/Profiles/{code}/{file}.json</c>) embedded in Core.</summary>
public static class EmbeddedProfiles
{
    public static IReadOnlyDictionary<string, string> Read(string code, string file)
    {
        var name = $"Profiles/{code}/{file}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded language profile file {name} is missing.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"Language profile file {name} is not a string map.");
    }
}
