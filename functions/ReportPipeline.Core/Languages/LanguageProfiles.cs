using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ReportPipeline.Core.Languages;

/// <summary>
/// The languages the pipeline reads and speaks, one folder of data each (<c>Languages/Profiles/{code}/</c>, embedded in this
/// assembly): loaded once and checked whole, so that a profile missing a file or a key that English has, or holding a file
/// that does not parse, stops the app on start with the language, the file and the key. Adding a language is adding a folder.
/// </summary>
public sealed class LanguageProfiles
{
    /// <summary>The language every other is checked against, and the one read when a text's language has no profile.</summary>
    public const string ReferenceCode = "en";

    /// <summary>The file every profile holds, describing the language; the other <c>*.json</c> files are flat string maps.</summary>
    public const string ProfileFile = "profile.json";

    private const string ResourcePrefix = "Languages/Profiles/";

    /// <summary>
    /// The files a language may do without, though another language has them: data only some languages need (a language
    /// without script or spelling variants has no <see cref="LanguageProfile.VariantsFile"/>). Where present they are checked like the rest.
    /// </summary>
    public static IReadOnlySet<string> OptionalFiles { get; } = new HashSet<string>(StringComparer.Ordinal) { LanguageProfile.VariantsFile };

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        AllowTrailingCommas = false,
    };

    private static readonly Lazy<LanguageProfiles> s_embedded = new(LoadEmbedded);

    private readonly FrozenDictionary<string, LanguageProfile> _byCode;

    private LanguageProfiles(IReadOnlyList<LanguageProfile> profiles)
    {
        All = profiles;
        _byCode = profiles.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        Reference = _byCode[ReferenceCode];
    }

    /// <summary>The profiles embedded in this assembly, loaded on first use; throws <see cref="InvalidDataException"/> naming every fault.</summary>
    public static LanguageProfiles Embedded => s_embedded.Value;

    /// <summary>Every language, in the order of their English names (Arabic, Chinese, English, French, Russian, Spanish).</summary>
    public IReadOnlyList<LanguageProfile> All { get; }

    /// <summary>The English profile.</summary>
    public LanguageProfile Reference { get; }

    public LanguageProfile Get(string code) =>
        TryGet(code, out var profile) ? profile : throw new KeyNotFoundException($"There is no language profile '{code}'.");

    public bool TryGet(string? code, [NotNullWhen(true)] out LanguageProfile? profile)
    {
        profile = null;
        return code is not null && _byCode.TryGetValue(code, out profile);
    }

    /// <summary>The profile of a language, or English for one without a profile (an undetermined language).</summary>
    public LanguageProfile GetOrReference(string? code) => TryGet(code, out var profile) ? profile : Reference;

    /// <summary>
    /// Loads profiles from their files, keyed by path (<c>{code}/profile.json</c>, <c>{code}/cues/a.txt</c>), and checks them
    /// all before any is used.
    /// </summary>
    public static LanguageProfiles Load(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var faults = new List<string>();
        var profiles = new List<LanguageProfile>();
        foreach (var folder in files.GroupBy(f => f.Key[..Math.Max(0, f.Key.IndexOf('/', StringComparison.Ordinal))], StringComparer.Ordinal))
        {
            var code = folder.Key;
            if (code.Length == 0)
            {
                faults.Add($"'{folder.First().Key}' is not inside a language's folder.");
                continue;
            }

            var profile = LoadOne(code, folder.ToDictionary(f => f.Key[(code.Length + 1)..], f => f.Value, StringComparer.Ordinal), faults);
            if (profile is not null)
            {
                profiles.Add(profile);
            }
        }

        var reference = profiles.FirstOrDefault(p => p.Code == ReferenceCode);
        if (reference is null)
        {
            faults.Add($"There is no '{ReferenceCode}' profile to check the others against.");
        }
        else
        {
            foreach (var profile in profiles.Where(p => p != reference))
            {
                Compare(reference, profile, faults);
            }
        }

        foreach (var script in profiles.GroupBy(p => p.Script, StringComparer.Ordinal))
        {
            var first = script.First();
            foreach (var profile in script.Skip(1).Where(p => !p.Detection.Characters.SequenceEqual(first.Detection.Characters) || p.Detection.Weight != first.Detection.Weight))
            {
                faults.Add($"{profile.Code}/{ProfileFile}: key 'detection' differs from {first.Code}'s, which has the same script {script.Key}.");
            }

            foreach (var profile in script.Where(p => script.Count() > 1 && p.Detection.StopWords.Count == 0))
            {
                faults.Add($"{profile.Code}/{ProfileFile}: key 'detection.stopWords' is empty, but {script.Key} is written by other languages too.");
            }
        }

        return faults.Count == 0
            ? new LanguageProfiles([.. profiles.OrderBy(p => p.Name, StringComparer.Ordinal)])
            : throw new InvalidDataException("The language profiles are broken:" + string.Concat(faults.Select(f => Environment.NewLine + "  " + f)));
    }

    private static LanguageProfile? LoadOne(string code, Dictionary<string, string> files, List<string> faults)
    {
        var count = faults.Count;
        ProfileDocument? document = null;
        if (!files.TryGetValue(ProfileFile, out var profileJson))
        {
            faults.Add($"{code}/{ProfileFile}: the file is missing.");
        }
        else
        {
            document = ReadDocument(code, profileJson, faults);
        }

        var strings = new Dictionary<string, OrderedDictionary<string, string>>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, content) in files.Where(f => f.Key != ProfileFile))
        {
            if (name.EndsWith(".json", StringComparison.Ordinal))
            {
                strings[name] = ReadStrings(code, name, content, faults);
            }
            else if (string.IsNullOrWhiteSpace(content))
            {
                faults.Add($"{code}/{name}: the file is empty.");
            }
            else
            {
                texts[name] = content;
            }
        }

        if (document is not null)
        {
            foreach (var (name, content) in texts.Where(t => t.Key.StartsWith(LanguageProfile.CueFolder, StringComparison.Ordinal)))
            {
                try
                {
                    _ = WeightedTerm.Parse(content, document.Vocabulary.MatchAnywhere, $"{code}/{name}").Count();
                }
                catch (FormatException e)
                {
                    faults.Add(e.Message);
                }
            }
        }

        if (texts.TryGetValue(LanguageProfile.VariantsFile, out var variants))
        {
            try
            {
                _ = ScriptVariants.Parse(variants, $"{code}/{LanguageProfile.VariantsFile}");
            }
            catch (FormatException e)
            {
                faults.Add(e.Message);
            }
        }

        return faults.Count == count && document is not null ? new LanguageProfile(document, strings, texts) : null;
    }

    private static ProfileDocument? ReadDocument(string code, string json, List<string> faults)
    {
        ProfileDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ProfileDocument>(json, s_json);
        }
        catch (JsonException e)
        {
            faults.Add($"{code}/{ProfileFile}: {e.Message}");
            return null;
        }

        if (document is null)
        {
            faults.Add($"{code}/{ProfileFile}: the file holds no profile.");
            return null;
        }

        if (document.Code != code)
        {
            faults.Add($"{code}/{ProfileFile}: key 'code' is '{document.Code}', not the folder's name.");
        }

        if (document.Direction is not ("ltr" or "rtl"))
        {
            faults.Add($"{code}/{ProfileFile}: key 'direction' is '{document.Direction}', not 'ltr' or 'rtl'.");
        }

        foreach (var (key, value) in new[] { ("name", document.Name), ("nativeName", document.NativeName), ("script", document.Script) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                faults.Add($"{code}/{ProfileFile}: key '{key}' is empty.");
            }
        }

        CheckRules(code, document, faults);
        return document;
    }

    /// <summary>Checks what the code reads from a profile beyond its shape: ranges of code points, regular expressions, the four questions.</summary>
    private static void CheckRules(string code, ProfileDocument document, List<string> faults)
    {
        void Fault(string key, string problem) => faults.Add($"{code}/{ProfileFile}: key '{key}' {problem}");

        foreach (var (key, ranges) in new[]
        {
            ("detection.characters", document.Detection.Characters), ("sentences.uncasedStarts", document.Sentences.UncasedStarts), ("folding.drop", document.Folding.Drop),
        })
        {
            try
            {
                CharacterRanges.Parse(ranges);
            }
            catch (FormatException e)
            {
                Fault(key, e.Message);
            }
        }

        if (document.Detection.Characters.Count == 0 || document.Detection.Weight < 1)
        {
            Fault("detection", "needs the characters of the script and a weight of at least 1.");
        }

        if (document.Folding.Letters.Any(l => l.Key.Length == 0 || l.Value.Length != 1))
        {
            Fault("folding.letters", "must fold one or more letters into exactly one.");
        }

        if (document.Vocabulary.AddressWindow < 1)
        {
            Fault("vocabulary.addressWindow", "is not a positive number of characters.");
        }

        var markers = document.Markers;
        foreach (var (key, patterns) in new[]
        {
            ("sentences.headingNumbers", document.Sentences.HeadingNumbers), ("markers.labelledBy", markers.LabelledBy),
            ("markers.patterns", markers.Patterns), ("markers.ordinalPatterns", markers.OrdinalPatterns),
        })
        {
            foreach (var pattern in patterns)
            {
                try
                {
                    _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException e)
                {
                    Fault(key, $"holds '{pattern}', which is not a regular expression: {e.Message}");
                }
            }
        }

        foreach (var (key, map) in new[] { ("markers.labels", markers.Labels), ("markers.ordinals", markers.Ordinals) })
        {
            if (!map.Keys.Order(StringComparer.Ordinal).SequenceEqual(Question.All.Select(q => q.ToString())) || map.Values.Any(v => v.Count == 0))
            {
                Fault(key, "must give each of the questions a, b, c and d at least one word.");
            }
        }
    }

    private static OrderedDictionary<string, string> ReadStrings(string code, string name, string json, List<string> faults)
    {
        var strings = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                faults.Add($"{code}/{name}: the file is not a JSON object of strings.");
                return strings;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
                {
                    faults.Add($"{code}/{name}: key '{property.Name}' is not a non-empty string.");
                }
                else if (!strings.TryAdd(property.Name, property.Value.GetString()!))
                {
                    faults.Add($"{code}/{name}: key '{property.Name}' is written twice.");
                }
            }
        }
        catch (JsonException e)
        {
            faults.Add($"{code}/{name}: {e.Message}");
        }

        return strings;
    }

    private static void Compare(LanguageProfile reference, LanguageProfile profile, List<string> faults)
    {
        foreach (var file in reference.StringFiles.Concat(reference.TextFiles).Except(profile.StringFiles.Concat(profile.TextFiles)).Except(OptionalFiles).Order(StringComparer.Ordinal))
        {
            faults.Add($"{profile.Code}/{file}: the file is missing ({reference.Code} has it).");
        }

        foreach (var file in profile.StringFiles.Concat(profile.TextFiles).Except(reference.StringFiles.Concat(reference.TextFiles)).Except(OptionalFiles).Order(StringComparer.Ordinal))
        {
            faults.Add($"{profile.Code}/{file}: {reference.Code} has no such file.");
        }

        foreach (var file in reference.StringFiles.Intersect(profile.StringFiles).Order(StringComparer.Ordinal))
        {
            var expected = reference.Strings(file);
            var actual = profile.Strings(file);
            foreach (var key in expected.Keys.Where(k => !actual.ContainsKey(k)))
            {
                faults.Add($"{profile.Code}/{file}: key '{key}' is missing ({reference.Code} has it).");
            }

            foreach (var key in actual.Keys.Where(k => !expected.ContainsKey(k)))
            {
                faults.Add($"{profile.Code}/{file}: key '{key}' is not in {reference.Code}.");
            }
        }
    }

    private static LanguageProfiles LoadEmbedded()
    {
        var assembly = typeof(LanguageProfiles).Assembly;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            files[name[ResourcePrefix.Length..]] = reader.ReadToEnd();
        }

        return Load(files);
    }
}
