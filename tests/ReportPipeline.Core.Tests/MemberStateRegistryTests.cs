using ReportPipeline.Core.MemberStates;

namespace ReportPipeline.Core.Tests;

public sealed class MemberStateRegistryTests
{
    private static readonly MemberStateRegistry s_sut = MemberStateRegistry.LoadEmbedded();

    [Fact]
    public void LoadEmbedded_SeedList_Has193MemberStatesWithRegions()
    {
        Assert.Equal(193, s_sut.All.Count);
        Assert.Equal(193, s_sut.All.Select(s => s.Iso3).Distinct().Count());
        Assert.All(s_sut.All, s =>
        {
            Assert.Matches("^[A-Z]{3}$", s.Iso3);
            Assert.Matches("^[0-9]{3}$", s.M49);
            Assert.NotEmpty(s.Region);
            Assert.NotEmpty(s.Subregion);
        });
    }

    [Theory]
    [InlineData("VAT")]
    [InlineData("PSE")]
    [InlineData("XKX")]
    [InlineData("TWN")]
    public void TryGet_ObserverOrNonMember_IsAbsent(string iso3) => Assert.False(s_sut.TryGet(iso3, out _));

    [Theory]
    [InlineData("FRA", "Europe", "Western Europe")]
    [InlineData("CHN", "Asia", "Eastern Asia")]
    [InlineData("BRA", "Americas", "South America")]
    [InlineData("SSD", "Africa", "Eastern Africa")]
    public void TryGet_MemberState_HasM49Region(string iso3, string region, string area)
    {
        Assert.True(s_sut.TryGet(iso3, out var state));
        Assert.Equal(region, state.Region);
        Assert.Equal(area, state.Area);
    }
}
