using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ReportPipeline.Core;

namespace ReportPipeline.Cli.Names;

/// <summary>
/// Writes <c>states.json</c> (ISO3 → name) and <c>regions.json</c> (M49 code → name) into each language profile.
/// English is the UN M49 English of <c>seeds/member-states.csv</c> and <c>seeds/names/m49-areas.csv</c>; the other
/// languages take CLDR's name (through ICU) unless <c>seeds/names/overrides.json</c> gives the UN's form with its source.
/// </summary>
internal static class ProfileNames
{
    private static readonly JsonSerializerOptions s_write = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private sealed record Override(string Name, string Source);

    private sealed record Overrides(
        Dictionary<string, string> Sources,
        Dictionary<string, Dictionary<string, Override>> States,
        Dictionary<string, Dictionary<string, Override>> Regions);

    public static IReadOnlyList<GeneratedNames> Generate(string repoRoot, IcuRegionNames icu)
    {
        var seeds = Path.Combine(repoRoot, "seeds");
        var states = ReadCsv(Path.Combine(seeds, "member-states.csv")).ToDictionary(r => r[0], r => r[2], StringComparer.Ordinal);
        var areas = ReadCsv(Path.Combine(seeds, "names", "m49-areas.csv")).ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
        var overrides = JsonSerializer.Deserialize<Overrides>(File.ReadAllText(Path.Combine(seeds, "names", "overrides.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("seeds/names/overrides.json is empty.");
        var unknown = overrides.States.Values.Concat(overrides.Regions.Values).SelectMany(o => o.Values).Select(o => o.Source).Where(s => !overrides.Sources.ContainsKey(s)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"overrides.json cites sources it does not list: {string.Join(", ", unknown.Distinct())}");
        }

        var profiles = Path.Combine(repoRoot, "functions", "ReportPipeline.Core", "Languages", "Profiles");
        var results = new List<GeneratedNames>();
        foreach (var language in new[] { "ar", "zh", "en", "fr", "ru", "es" })
        {
            var stateOverrides = overrides.States.GetValueOrDefault(language) ?? [];
            var regionOverrides = overrides.Regions.GetValueOrDefault(language) ?? [];
            var stray = stateOverrides.Keys.Where(k => !states.ContainsKey(k)).Concat(regionOverrides.Keys.Where(k => !areas.ContainsKey(k))).ToList();
            if (stray.Count > 0)
            {
                throw new InvalidOperationException($"overrides.json ({language}) names codes that are not Member States or M49 areas: {string.Join(", ", stray)}");
            }

            string Name(string code, string english, Dictionary<string, Override> own, Func<string> cldr) =>
                own.TryGetValue(code, out var o) ? o.Name : language == "en" ? english : cldr();

            var stateNames = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (iso3, english) in states)
            {
                stateNames[iso3] = Name(iso3, english, stateOverrides, () => icu.DisplayName(icu.Alpha2ByAlpha3.TryGetValue(iso3, out var alpha2)
                    ? alpha2 : throw new InvalidOperationException($"ICU knows no alpha-2 code for {iso3}."), language));
            }

            var regionNames = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (m49, english) in areas)
            {
                regionNames[m49] = Name(m49, english, regionOverrides, () => icu.DisplayName(m49, language));
            }

            var folder = Path.Combine(profiles, language);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "states.json"), JsonSerializer.Serialize(stateNames, s_write) + "\n");
            File.WriteAllText(Path.Combine(folder, "regions.json"), JsonSerializer.Serialize(regionNames, s_write) + "\n");
            results.Add(new GeneratedNames(language, stateNames.Count, regionNames.Count, stateOverrides.Count + regionOverrides.Count));
        }

        return results;
    }

    private static IEnumerable<IReadOnlyList<string>> ReadCsv(string path) =>
        File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(Csv.SplitLine);
}
