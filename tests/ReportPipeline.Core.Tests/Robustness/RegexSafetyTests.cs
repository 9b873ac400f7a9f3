using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;
using ReportPipeline.Extraction;

namespace ReportPipeline.Core.Tests.Robustness;

/// <summary>Every regex applied to report text is linear or bounded, and none of them stalls on hostile text.</summary>
public sealed class RegexSafetyTests
{
    private static readonly string[] s_reportTextNamespaces = ["ReportPipeline.Documents", "ReportPipeline.Extraction", "ReportPipeline.Core.Languages", "ReportPipeline.Core.Reports"];

    private static readonly Assembly[] s_reportTextAssemblies = [typeof(LayoutDocument).Assembly, typeof(DocumentAnalyzer).Assembly, typeof(AnswerExtractor).Assembly];

    public static TheoryData<string> ReportTextRegexes() => [.. Regexes().Keys];

    [Fact]
    public void Regexes_ReportTextNamespaces_AreFound()
    {
        // Guards the reflection below: if it found nothing, the tests after it would pass vacuously.
        Assert.Contains("QuestionMarkers.Marker", Regexes().Keys);
        Assert.Contains("PlainTextAnalyzer.BlankLines", Regexes().Keys);
    }

    [Theory]
    [MemberData(nameof(ReportTextRegexes))]
    public void Regex_AppliedToReportText_IsNonBacktrackingOrHasATimeout(string name)
    {
        var regex = Regexes()[name];

        Assert.True(regex.Options.HasFlag(RegexOptions.NonBacktracking) || regex.MatchTimeout != Regex.InfiniteMatchTimeout,
            $"{name} backtracks without a match timeout");
    }

    [Theory]
    [MemberData(nameof(ReportTextRegexes))]
    public void Regex_PathologicalInput_FinishesQuickly(string name)
    {
        var regex = Regexes()[name];
        var start = ThreadCpuTime.Now();

        foreach (var input in PathologicalInputs())
        {
            // Matches walks every start position, which is where an unanchored pattern turns quadratic.
            _ = regex.Matches(input).Count;
        }

        var spent = ThreadCpuTime.Now() - start;
        Assert.True(spent < TimeSpan.FromSeconds(2), $"{name} took {spent.TotalSeconds:0.0} s of CPU over the hostile inputs");
    }

    [Fact]
    public async Task AnalyzeAsync_PathologicalMarkdownHeadings_FinishesUnderTwoSeconds()
    {
        // The issue's file: eight lines of "# a", 40,000 spaces and "b" took 29 s when the heading pattern backtracked.
        var markdown = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("# a" + new string(' ', 40_000) + "b\n", 8)));
        var start = ThreadCpuTime.Now();

        // The text analyzer completes synchronously, so the calling thread's CPU time is the analysis's.
        var layout = await new DocumentAnalyzer([new PlainTextAnalyzer()]).AnalyzeAsync(markdown, "hostile.md", TestContext.Current.CancellationToken);

        var spent = ThreadCpuTime.Now() - start;
        Assert.True(spent < TimeSpan.FromSeconds(2), $"analysis took {spent.TotalSeconds:0.0} s of CPU");
        Assert.Equal(8, layout.Paragraphs.Count(p => p.Role == ParagraphRole.Heading));
    }

    [Theory]
    [InlineData("# Title", 1, "Title")]
    [InlineData("### Closed ###", 3, "Closed")]
    [InlineData("## Using C#", 2, "Using C#")]
    [InlineData("###### Six", 6, "Six")]
    public void TryParseHeading_AtxHeading_GivesLevelAndTitle(string line, int level, string title)
    {
        Assert.True(PlainTextAnalyzer.TryParseHeading(line, out var parsedLevel, out var parsedTitle));
        Assert.Equal((level, title), (parsedLevel, parsedTitle));
    }

    [Theory]
    [InlineData("#hashtag")]
    [InlineData("####### Seven")]
    [InlineData("# ###")]
    [InlineData("Not # a heading")]
    public void TryParseHeading_NoHeading_ReturnsFalse(string line) => Assert.False(PlainTextAnalyzer.TryParseHeading(line, out _, out _));

    private static IEnumerable<string> PathologicalInputs()
    {
        const int n = 40_000;
        var spaces = new string(' ', n);
        yield return "# a" + spaces + "b";
        yield return "\n" + new string('\t', n) + "x";
        yield return spaces + "x";
        yield return "mr" + spaces + "x";
        yield return "question" + spaces + "9" + spaces + "(";
        yield return "first" + spaces + "guiding" + spaces + "x";
        yield return string.Concat(Enumerable.Repeat("first ", n / 6));
        yield return string.Concat(Enumerable.Repeat("(a", n / 2));
        yield return string.Concat(Enumerable.Repeat("9 ", n / 2));
        yield return new string('1', n) + ".";
        yield return string.Concat(Enumerable.Repeat("IV", n / 2));
        yield return string.Concat(Enumerable.Repeat("一", n)) + "x";
        yield return string.Concat(Enumerable.Repeat("السؤال ", n / 7));
        yield return string.Concat(Enumerable.Repeat("- ", n / 2));
        yield return string.Concat(Enumerable.Repeat("\n \n", n / 3));
    }

    private static Dictionary<string, Regex> Regexes()
    {
        var found = new Dictionary<string, Regex>();
        foreach (var type in s_reportTextAssemblies.SelectMany(a => a.GetTypes()).Where(t => s_reportTextNamespaces.Any(n => t.Namespace?.StartsWith(n, StringComparison.Ordinal) == true)))
        {
            const BindingFlags statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(statics).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0))
            {
                found[$"{type.Name}.{method.Name}"] = (Regex)method.Invoke(null, null)!;
            }

            foreach (var field in type.GetFields(statics).Where(f => f.FieldType == typeof(Regex)))
            {
                found[$"{type.Name}.{field.Name}"] = (Regex)field.GetValue(null)!;
            }
        }

        return found;
    }
}
