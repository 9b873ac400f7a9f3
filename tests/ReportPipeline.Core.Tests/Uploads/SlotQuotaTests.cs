using System.ComponentModel.DataAnnotations;
using ReportPipeline.Core.Uploads;

namespace ReportPipeline.Core.Tests.Uploads;

public sealed class SlotQuotaTests
{
    private static readonly DateTimeOffset s_start = new(2031, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UploadOptions s_limits = new();

    private static List<DateTimeOffset> Given(int count, TimeSpan apart) => [.. Enumerable.Range(0, count).Select(i => s_start + (i * apart))];

    [Fact]
    public void Take_TwentyInTheLastHour_RefusesTheTwentyFirstUntilTheFirstIsAnHourOld()
    {
        var given = Given(20, TimeSpan.FromMinutes(1));

        Assert.Null(SlotQuota.Take(given, s_start + TimeSpan.FromMinutes(20), s_limits));
        Assert.Equal(s_start + SlotQuota.Hour, SlotQuota.NextAt(given, s_start + TimeSpan.FromMinutes(20), s_limits));
        Assert.Null(SlotQuota.Take(given, s_start + SlotQuota.Hour - TimeSpan.FromMilliseconds(1), s_limits));
        var kept = SlotQuota.Take(given, s_start + SlotQuota.Hour + TimeSpan.FromSeconds(1), s_limits);
        Assert.NotNull(kept);
        Assert.Equal(21, kept.Count);
    }

    [Fact]
    public void Take_AHundredInTheLastDay_RefusesTheNextUntilTheFirstIsADayOld()
    {
        var given = Given(100, TimeSpan.FromMinutes(10));
        var now = given[^1] + TimeSpan.FromHours(2);

        Assert.Null(SlotQuota.Take(given, now, s_limits));
        Assert.Equal(s_start + SlotQuota.Day, SlotQuota.NextAt(given, now, s_limits));
        var kept = SlotQuota.Take(given, s_start + SlotQuota.Day + TimeSpan.FromSeconds(1), s_limits);
        Assert.NotNull(kept);
        Assert.Equal(100, kept.Count);
        Assert.DoesNotContain(s_start, kept);
    }

    [Fact]
    public void Take_OldAndFutureTimes_AreForgotten()
    {
        var now = s_start + TimeSpan.FromDays(3);
        List<DateTimeOffset> given = [s_start, s_start + TimeSpan.FromDays(1), now + TimeSpan.FromDays(1)];

        Assert.Equal([now], SlotQuota.Take(given, now, s_limits));
    }

    [Theory]
    [InlineData(20, 100, true)]
    [InlineData(20, 19, false)]
    [InlineData(0, 100, false)]
    [InlineData(20, SlotQuota.MaxRemembered + 1, false)]
    public void Options_Validate_DayAtLeastTheHourAndBothBounded(int perHour, int perDay, bool valid)
    {
        var options = new UploadOptions { MaxSlotsPerHour = perHour, MaxSlotsPerDay = perDay };

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }
}
