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
    [InlineData("fr/profile.json", """{ "code": "fr", "name": "French", "nativeName": "Français", "direction": "up", "script": "Latn" }""", "fr/profile.json: key 'direction' is 'up'")]
    [InlineData("fr/profile.json", """{ "code": "es", "name": "French", "nativeName": "Français", "direction": "ltr", "script": "Latn" }""", "fr/profile.json: key 'code' is 'es'")]
    [InlineData("fr/profile.json", """{ "code": "fr", "name": "French", "direction": "ltr", "script": "Latn" }""", "nativeName")]
    [InlineData("fr/cues/a.txt", " \n", "fr/cues/a.txt: the file is empty")]
    public void Load_BrokenFile_NamesTheLanguageAndTheFault(string path, string content, string expected)
    {
        var files = Files();
        files[path] = content;

        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => LanguageProfiles.Load(files)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoEnglishProfile_IsRefused()
    {
        var files = Files().Where(f => !f.Key.StartsWith("en/", StringComparison.Ordinal)).ToDictionary();

        Assert.Contains("no 'en' profile", Assert.Throws<InvalidDataException>(() => LanguageProfiles.Load(files)).Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Files() => new(StringComparer.Ordinal)
    {
        ["en/profile.json"] = """{ "code": "en", "name": "English", "nativeName": "English", "direction": "ltr", "script": "Latn" }""",
        ["en/portal.json"] = """{ "hello": "Hello", "goodbye": "Goodbye" }""",
        ["en/cues/a.txt"] = "2 lack of\n",
        ["fr/profile.json"] = """{ "code": "fr", "name": "French", "nativeName": "Français", "direction": "ltr", "script": "Latn" }""",
        ["fr/portal.json"] = """{ "hello": "Bonjour", "goodbye": "Au revoir" }""",
        ["fr/cues/a.txt"] = "2 manque de\n",
    };
}
