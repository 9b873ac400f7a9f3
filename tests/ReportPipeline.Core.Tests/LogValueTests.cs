using ReportPipeline.Core.Telemetry;

namespace ReportPipeline.Core.Tests;

public sealed class LogValueTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("2026-H1", "2026-H1")]
    [InlineData("2026\nStaff Ada (oid): compile", "2026?Staff Ada (oid): compile")]
    [InlineData("FRA\r\u2028\u2029\u0000", "FRA????")]
    [InlineData("abc\u202Edef", "abc?def")]
    [InlineData("Côte d’Ivoire 中国", "Côte d’Ivoire 中国")]
    public void Safe_ControlAndFormatCharacters_BecomeQuestionMarks(string? value, string expected) => Assert.Equal(expected, LogValue.Safe(value));

    [Fact]
    public void Safe_LongValue_IsCutAtTheLimit()
    {
        var safe = LogValue.Safe(new string('x', 10_000));

        Assert.Equal(new string('x', LogValue.MaxLength) + "…", safe);
    }
}
