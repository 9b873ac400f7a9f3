using ReportPipeline.Core.Uploads;

namespace ReportPipeline.Core.Tests.Uploads;

public sealed class CredentialSummaryTests
{
    private static readonly DateTimeOffset s_now = new(2031, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static StoredCredential Stored(DateTimeOffset? revokedAt = null, DateTimeOffset? expiresAt = null, IReadOnlyList<DateTimeOffset>? slots = null) =>
        new("FRA", "0123456789abcdef", [1, 2], [3, 4], s_now.AddDays(-3), revokedAt, expiresAt, slots);

    [Fact]
    public void Of_SlotsGivenOverTheLastDay_CountsTheHourAndTheDayAndNamesTheLast()
    {
        var summary = CredentialSummary.Of(Stored(slots: [s_now.AddHours(-30), s_now.AddHours(-5), s_now.AddMinutes(-40), s_now.AddMinutes(-2)]), s_now);

        Assert.Equal("active", summary.Status);
        Assert.Equal(s_now.AddMinutes(-2), summary.LastSlotAt);
        Assert.Equal(2, summary.SlotsLastHour);
        Assert.Equal(3, summary.SlotsLastDay);
    }

    [Fact]
    public void Of_RevokedOrPastItsExpiry_SaysSoAndNeverUsedHasNoLastSlot()
    {
        var revoked = CredentialSummary.Of(Stored(revokedAt: s_now.AddHours(-1), expiresAt: s_now.AddHours(-2)), s_now);
        var expired = CredentialSummary.Of(Stored(expiresAt: s_now), s_now);
        var expiring = CredentialSummary.Of(Stored(expiresAt: s_now.AddSeconds(1)), s_now);

        Assert.Equal("revoked", revoked.Status);
        Assert.Equal("expired", expired.Status);
        Assert.Equal("active", expiring.Status);
        Assert.Null(expiring.LastSlotAt);
        Assert.Equal(0, expiring.SlotsLastDay);
    }

    [Theory]
    [InlineData("2027-06-30", "2027-06-30T00:00:00+00:00")]
    [InlineData("2027-06-30T18:00Z", "2027-06-30T18:00:00+00:00")]
    [InlineData("2027-06-30T20:00+02:00", "2027-06-30T18:00:00+00:00")]
    public void ParseExpiry_DateOrTime_IsReadAsUtc(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CredentialService.ParseExpiry(text));

    [Theory]
    [InlineData("next june")]
    [InlineData("2027-06-30T18:00Z\nStaff Ada: revoke")]
    public void ParseExpiry_NotADate_IsRefusedWithItsReasonCodeOnOneLine(string text)
    {
        var refused = Assert.Throws<CredentialRefusedException>(() => CredentialService.ParseExpiry(text));

        Assert.Equal(ReasonCodes.BadExpiry, refused.ReasonCode);
        Assert.DoesNotContain('\n', refused.Reason);
    }

    [Fact]
    public void ParseExpiry_Nothing_IsNoExpiry() => Assert.Null(CredentialService.ParseExpiry("  "));
}
