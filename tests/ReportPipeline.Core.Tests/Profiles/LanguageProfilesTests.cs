using System.Text.Json.Nodes;
using ReportPipeline.Core.Languages;

namespace ReportPipeline.Core.Tests.Profiles;

public sealed class LanguageProfilesTests
{
    [Fact]
    public void Embedded_HoldsTheSixUnLanguages_InTheOrderOfTheirEnglishNames() =>
        Assert.Equal(["ar", "zh", "en", "fr", "ru", "es"], LanguageProfiles.Embedded.All.Select(p => p.Code));

    [Fact]
    public void Get_Arabic_IsRightToLeftAndTheOthersAreNot() =>
        Assert.Equal(["ar"], LanguageProfiles.Embedded.All.Where(p => p.RightToLeft).Select(p => p.Code));

    [Fact]
    public void GetOrReference_UndeterminedLanguage_IsEnglish() =>
        Assert.Equal("en", LanguageProfiles.Embedded.GetOrReference(LanguageDetector.Undetermined).Code);

    [Fact]
    public void Get_UnknownCode_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => LanguageProfiles.Embedded.Get("xx"));

    [Fact]
    public void Strings_UnknownFile_ThrowsNamingTheFile() =>
        Assert.Contains("nothing.json", Assert.Throws<KeyNotFoundException>(() => LanguageProfiles.Embedded.Reference.Strings("nothing.json")).Message, StringComparison.Ordinal);

    [Fact]
    public void Load_TwoCompleteProfiles_ReadsTheirStringsAndTexts()
    {
        var sut = LanguageProfiles.Load(Files());

        Assert.Equal("Bonjour", sut.Get("fr").Strings("portal.json")["hello"]);
        Assert.Equal("2 lack of\n", sut.Get("en").Text("cues/a.txt"));
        Assert.True(sut.Get("fr").RightToLeft is false);
    }

    [Fact]
    public void Load_KeyMissingInALanguage_NamesTheLanguageTheFileAndTheKey()
    {
        var files = Files();
        files["fr/portal.json"] = """{ "hello": "Bonjour" }""";

        var error = Assert.Throws<InvalidDataException>(() => LanguageProfiles.Load(files));

        Assert.Contains("fr/portal.json: key 'goodbye' is missing (en has it)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_KeyEnglishDoesNotHave_IsRefused()
    {
        var files = Files();
        files["fr/portal.json"] = """{ "hello": "Bonjour", "goodbye": "Au revoir", "stale": "Vieux" }""";

        Assert.Contains("fr/portal.json: key 'stale' is not in en", Assert.Throws<InvalidDataException>(() => LanguageProfiles.Load(files)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileMissingInALanguage_NamesTheFile()
    {
        var files = Files();
        files.Remove("fr/cues/a.txt");

        Assert.Contains("fr/cues/a.txt: the file is missing (en has it)", Assert.Throws<InvalidDataException>(() => LanguageProfiles.Load(files)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr/portal.json", """{ "hello": "", "goodbye": "Au revoir" }""", "fr/portal.json: key 'hello' is not a non-empty string")]
    [InlineData("fr/portal.json", """{ "hello": ["Bonjour"], "goodbye": "Au revoir" }""", "fr/portal.json: key 'hello' is not a non-empty string")]
    [InlineData("fr/portal.json", """{ "hello": "Bonjour", """, "fr/portal.json:")]
    [InlineData("fr/cues/a.txt", " \n", "fr/cues/a.txt: the file is empty")]
    [InlineData("fr/cues/a.txt", "manque de\n", "fr/cues/a.txt: 'manque de' is not a weight and a term")]
    public void Load_BrokenFile_NamesTheLanguageAndTheFault(string path, string content, string expected)
    {
        var files = Files();
        files[path] = content;

        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => LanguageProfiles.Load(files)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OptionalFileInOneLanguageOnly_IsReadThereAndNotRequiredElsewhere()
    {
        var files = Files();
        files["fr/variants.txt"] = "# a comment\n_co_o _coo\n";

        var sut = LanguageProfiles.Load(files);

        Assert.Equal(" cooperation ", sut.Get("fr").Variants.Canonical(" co operation "));
        Assert.Same(ScriptVariants.None, sut.Get("en").Variants);
        Assert.DoesNotContain(LanguageProfile.VariantsFile, sut.Get("en").TextFiles);
    }

    [Theory]
    [InlineData("fr/variants.txt", "co-operation\n", "fr/variants.txt: 'co-operation' is not a form and the form it is read as")]
    [InlineData("fr/variants.txt", "a b c\n", "fr/variants.txt: 'a b c' is not a form")]
    [InlineData("fr/variants.txt", "\n", "fr/variants.txt: the file is empty")]
    [InlineData("fr/notes.txt", "anything\n", "fr/notes.txt: en has no such file")]
    public void Load_BrokenOrUnknownOptionalFile_NamesTheLanguageAndTheFault(string path, string content, string expected)
    {
        var files = Files();
        files[path] = content;

        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => LanguageProfiles.Load(files)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"code\": \"fr\"", "\"code\": \"es\"", "fr/profile.json: key 'code' is 'es'")]
    [InlineData("\"direction\": \"ltr\"", "\"direction\": \"up\"", "fr/profile.json: key 'direction' is 'up'")]
    [InlineData("\"nativeName\": \"Français\",", "", "nativeName")]
    [InlineData("\"addressWindow\": 60", "\"addressWindow\": 0", "fr/profile.json: key 'vocabulary.addressWindow'")]
    [InlineData("\"0041-005A\"", "\"0041-00\"", "fr/profile.json: key 'detection.characters' '0041-00' is not a range")]
    [InlineData("\"c\": [\n        \"troisième\"", "\"e\": [\n        \"troisième\"", "fr/profile.json: key 'markers.ordinals' must give each of the questions")]
    public void Load_BrokenProfile_NamesTheLanguageAndTheKey(string find, string replacement, string expected)
    {
        var files = Files();
        Assert.Contains(find, files["fr/profile.json"], StringComparison.Ordinal);
        files["fr/profile.json"] = files["fr/profile.json"].Replace(find, replacement, StringComparison.Ordinal);

        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => LanguageProfiles.Load(files)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RegularExpressionThatDoesNotParse_NamesIt()
    {
        var files = Files();
        files["fr/profile.json"] = files["fr/profile.json"].Replace("\\s+question\"", "\\s+question(\"", StringComparison.Ordinal);

        Assert.Contains("fr/profile.json: key 'markers.ordinalPatterns' holds", Assert.Throws<InvalidDataException>(() => LanguageProfiles.Load(files)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LanguagesOfOneScriptWithoutStopWords_AreRefused()
    {
        var files = Files();
        var profile = JsonNode.Parse(files["fr/profile.json"])!;
        profile["detection"]!["stopWords"] = new JsonArray();
        files["fr/profile.json"] = profile.ToJsonString();

        Assert.Contains("fr/profile.json: key 'detection.stopWords' is empty, but Latn is written by other languages too",
            Assert.Throws<InvalidDataException>(() => LanguageProfiles.Load(files)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoEnglishProfile_IsRefused()
    {
        var files = Files().Where(f => !f.Key.StartsWith("en/", StringComparison.Ordinal)).ToDictionary();

        Assert.Contains("no 'en' profile", Assert.Throws<InvalidDataException>(() => LanguageProfiles.Load(files)).Message, StringComparison.Ordinal);
    }

    /// <summary>The repository's English and French profile.json, with a portal.json and a cue file of their own.</summary>
    private static Dictionary<string, string> Files() => new(StringComparer.Ordinal)
    {
        ["en/profile.json"] = ProfileJson("en"),
        ["en/portal.json"] = """{ "hello": "Hello", "goodbye": "Goodbye" }""",
        ["en/cues/a.txt"] = "2 lack of\n",
        ["fr/profile.json"] = ProfileJson("fr"),
        ["fr/portal.json"] = """{ "hello": "Bonjour", "goodbye": "Au revoir" }""",
        ["fr/cues/a.txt"] = "2 manque de\n",
    };

    private static string ProfileJson(string code) =>
        File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "functions", "ReportPipeline.Core", "Languages", "Profiles", code, LanguageProfiles.ProfileFile));
}
