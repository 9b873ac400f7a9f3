using System.Reflection;
using System.Text.RegularExpressions;
using ReportPipeline.Core.Languages;

namespace ReportPipeline.Core.Tests;

/// <summary>
/// <see cref="ReasonCodes"/> is the one catalogue of error codes, and the portal explains every code a focal point can meet,
/// in each language profile, with nothing explained that the pipeline never says.
/// </summary>
public sealed partial class ReasonCodesTests
{
    private const string PortalFile = "portal.json";

    public static TheoryData<string> Languages() => [.. LanguageProfiles.Embedded.All.Select(p => p.Code)];

    [Fact]
    public void Catalogue_EveryCode_IsDistinctAndShort()
    {
        var codes = typeof(ReasonCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches(CodeShape(), c));
        Assert.All(ReasonCodes.Portal.Concat(ReasonCodes.OpenAIFailures), c => Assert.Contains(c, codes));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void PortalStrings_Language_ExplainEveryPortalCodeAndNoOther(string language)
    {
        var strings = LanguageProfiles.Embedded.Get(language).Strings(PortalFile);
        var explained = strings.Keys.Select(k => ReasonKey().Match(k)).Where(m => m.Success).Select(m => m.Groups["code"].Value).ToList();

        Assert.Equal(ReasonCodes.Portal.Order(StringComparer.Ordinal), explained.Order(StringComparer.Ordinal));
        Assert.All(explained, code =>
        {
            Assert.False(string.IsNullOrWhiteSpace(strings[$"reason.{code}"]), $"{language} says nothing of what {code} means");
            Assert.True(strings.TryGetValue($"next.{code}", out var next) && !string.IsNullOrWhiteSpace(next), $"{language} says nothing of what to do after {code}");
        });
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex CodeShape();

    [GeneratedRegex("^reason\\.(?<code>[a-z]+(-[a-z]+)*)$")]
    private static partial Regex ReasonKey();
}
