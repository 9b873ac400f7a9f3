using System.Reflection;
using System.Text.RegularExpressions;
using ReportPipeline.Core.Languages;

namespace ReportPipeline.Core.Tests;

/// <summary>
/// <see cref="ReasonCodes"/> is the one catalogue of error codes, and the portal explains every code a focal point can meet,
/// what happened and what to do next, in each language profile, with nothing explained that the pipeline never says.
/// </summary>
public sealed partial class ReasonCodesTests
{
    private const string Portal = "portal.json";

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
        var strings = LanguageProfiles.Embedded.Get(language).Strings(Portal);

        foreach (var prefix in new[] { "reason.", "next." })
        {
            var explained = strings.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            Assert.Equal(ReasonCodes.Portal.Order(StringComparer.Ordinal), explained.Select(s => s.Key[prefix.Length..]).Order(StringComparer.Ordinal));
            Assert.All(explained, s => Assert.False(string.IsNullOrWhiteSpace(s.Value), $"{language} {s.Key} is empty"));
        }
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex CodeShape();
}
