using System.Text.RegularExpressions;
using ReportPipeline.Core.Languages;

namespace ReportPipeline.Core.Tests.Profiles;

/// <summary>Every language of the embedded profiles is as complete as English, and speaks its own language.</summary>
public sealed partial class LanguageProfileCompletenessTests
{
    /// <summary>Names and codes that stay as they are in every language.</summary>
    private static readonly HashSet<string> s_properNouns = new(StringComparer.Ordinal) { "PDF", "Word", "docx", "HTML", "Markdown", "COVID", "MB" };

    public static TheoryData<string> Languages => [.. LanguageProfiles.Embedded.All.Select(p => p.Code)];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Profile_EveryFileAndKeyOfEnglish_IsThereAndNotEmpty(string code)
    {
        var english = LanguageProfiles.Embedded.Reference;
        var sut = LanguageProfiles.Embedded.Get(code);

        Assert.Equal(english.StringFiles.Order(StringComparer.Ordinal), sut.StringFiles.Order(StringComparer.Ordinal));
        Assert.Equal(english.TextFiles.Except(LanguageProfiles.OptionalFiles).Order(StringComparer.Ordinal),
            sut.TextFiles.Except(LanguageProfiles.OptionalFiles).Order(StringComparer.Ordinal));
        Assert.Contains("portal.json", sut.StringFiles);
        Assert.Contains("cues/a.txt", sut.TextFiles);
        foreach (var file in english.StringFiles)
        {
            Assert.Equal(english.Strings(file).Keys.Order(StringComparer.Ordinal), sut.Strings(file).Keys.Order(StringComparer.Ordinal));
            Assert.All(sut.Strings(file), s => Assert.False(string.IsNullOrWhiteSpace(s.Value), $"{code}/{file}: {s.Key} is empty."));
        }

        Assert.All(sut.TextFiles, file => Assert.NotEmpty(sut.Lines(file)));
        Assert.All(Question.All, q => Assert.NotEmpty(sut.Markers.Labels[q.ToString()]));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void PortalStrings_OtherThanEnglish_HoldNoEnglishBeyondNamesAndCodes(string code)
    {
        var english = LanguageProfiles.Embedded.Reference;
        var sut = LanguageProfiles.Embedded.Get(code);
        Assert.SkipWhen(sut == english, "English is the reference.");
        var englishWords = english.Detection.StopWords.Except(sut.Detection.StopWords).ToHashSet(StringComparer.Ordinal);
        var latin = sut.Script == english.Script;

        foreach (var (key, value) in sut.Strings("portal.json"))
        {
            var text = Placeholder().Replace(value, " ");
            var words = Words().Matches(text).Select(m => m.Value).Where(w => !s_properNouns.Contains(w)).ToList();
            if (latin)
            {
                Assert.True(value != english.Strings("portal.json")[key] || words.Count == 0, $"{code}/portal.json: '{key}' is the English text.");
                Assert.True(!words.Any(w => englishWords.Contains(w.ToLowerInvariant())), $"{code}/portal.json: '{key}' holds English words: {value}");
            }
            else
            {
                Assert.True(words.All(w => !w.Any(char.IsAsciiLetter)), $"{code}/portal.json: '{key}' holds Latin words: {string.Join(' ', words)}");
                Assert.True(!text.Any(char.IsLetter) || text.Any(sut.ScriptCharacters.Contains), $"{code}/portal.json: '{key}' has no {sut.Script} text: {value}");
            }
        }
    }

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}
