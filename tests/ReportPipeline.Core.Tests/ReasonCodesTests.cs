using System.Reflection;
using System.Text.RegularExpressions;
using ReportPipeline.Core.Languages;

namespace ReportPipeline.Core.Tests;

/// <summary>
/// <see cref="ReasonCodes"/> is the one catalogue of error codes, and the portal explains every code a focal point can meet,
/// in each language of the profiles (its <c>portal.json</c>), with nothing explained that the pipeline never says.
/// </summary>
public sealed partial class ReasonCodesTests
{
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
        var strings = LanguageProfiles.Embedded.Get(language).Strings("portal.json");

        Assert.Equal(ReasonCodes.Portal.Order(StringComparer.Ordinal), Codes(strings, "reason.").Order(StringComparer.Ordinal));
        Assert.Equal(ReasonCodes.Portal.Order(StringComparer.Ordinal), Codes(strings, "next.").Order(StringComparer.Ordinal));
    }

    /// <summary>The codes a language's portal.json explains: what happened (<c>reason.{code}</c>) and what to do (<c>next.{code}</c>).</summary>
    private static IEnumerable<string> Codes(IReadOnlyDictionary<string, string> strings, string prefix) =>
        strings.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]);

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex CodeShape();
}
