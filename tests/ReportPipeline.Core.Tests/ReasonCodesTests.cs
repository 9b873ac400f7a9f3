using System.Reflection;
using System.Text.RegularExpressions;

namespace ReportPipeline.Core.Tests;

/// <summary>
/// <see cref="ReasonCodes"/> is the one catalogue of error codes, and the portal explains every code a focal point can meet,
/// in each of the six languages, with nothing explained that the pipeline never says.
/// </summary>
public sealed partial class ReasonCodesTests
{
    private static readonly string s_portalStrings = Path.Combine(TestPaths.RepoRoot, "functions", "ReportPipeline.Functions", "Web", "assets", "portal-strings.js");

    public static TheoryData<string> Languages() => ["ar", "zh", "en", "fr", "ru", "es"];

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
        var explained = ExplainedCodes(File.ReadAllText(s_portalStrings), language);

        Assert.Equal(ReasonCodes.Portal.Order(StringComparer.Ordinal), explained.Order(StringComparer.Ordinal));
    }

    /// <summary>The codes under <c>reasons</c> in one language's block of portal-strings.js, each with what happened and what to do.</summary>
    private static List<string> ExplainedCodes(string script, string language)
    {
        var block = LanguageBlock().Matches(script).Single(m => m.Groups["language"].Value == language).Groups["body"].Value;
        var reasons = ReasonsBlock().Match(block);
        Assert.True(reasons.Success, $"{language} has no reasons");
        var entries = ReasonEntry().Matches(reasons.Groups["body"].Value);
        Assert.All(entries, e => Assert.True(e.Groups["what"].Length > 0 && e.Groups["next"].Length > 0, $"{language} {e.Groups["code"]} is empty"));
        return [.. entries.Select(e => e.Groups["code"].Value)];
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex CodeShape();

    [GeneratedRegex(@"^  (?<language>[a-z]{2}): \{\n(?<body>.*?)^  \},?$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex LanguageBlock();

    [GeneratedRegex(@"^    reasons: \{\n(?<body>.*?)^    \},?$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ReasonsBlock();

    [GeneratedRegex(@"^      '(?<code>[a-z-]+)': \['(?<what>(?:[^'\\]|\\.)*)',\s+'(?<next>(?:[^'\\]|\\.)*)'\],?$", RegexOptions.Multiline)]
    private static partial Regex ReasonEntry();
}
