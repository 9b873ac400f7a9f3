using ReportPipeline.Core.Languages;

namespace ReportPipeline.Core.Tests.Profiles;

public sealed class ScriptVariantsTests
{
    [Fact]
    public void Canonical_CharacterPairs_MapEveryCharacterInPlace()
    {
        var sut = ScriptVariants.Parse("國 国\n際 际\n", "xx/variants.txt");
        var buffer = "國際合作".ToCharArray();

        var text = sut.Canonical(buffer.AsSpan());

        Assert.Equal("国际合作", text.ToString());
        Assert.Equal("国际合作", new string(buffer));
    }

    [Fact]
    public void Parse_ControlCharacterPair_IsRefused()
    {
        var e = Assert.Throws<FormatException>(() => ScriptVariants.Parse("國 \u0001\n", "xx/variants.txt"));

        Assert.Contains("xx/variants.txt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonical_Spellings_AreReplacedInTheFileOrder()
    {
        var sut = ScriptVariants.Parse("_co_o _coo\nize ise\niza isa\n", "xx/variants.txt");

        Assert.Equal(" cooperation organisations realise ", sut.Canonical(" co operation organizations realize "));
        Assert.Equal(" cooperation organisations realise ", sut.Canonical(" co operation organizations realize ".ToCharArray().AsSpan()).ToString());
    }

    [Fact]
    public void Canonical_TextWithoutVariants_IsTheBufferItself()
    {
        var sut = ScriptVariants.Parse("ize ise\n", "xx/variants.txt");
        var buffer = " capacity building ".ToCharArray();

        var text = sut.Canonical(buffer.AsSpan());

        Assert.True(text.Overlaps(buffer));
        Assert.Equal(" capacity building ", text.ToString());
    }

    [Fact]
    public void Variants_OfTheEmbeddedProfiles_ReadTraditionalChineseAsSimplifiedAndBritishSpellingsAsOne()
    {
        var profiles = LanguageProfiles.Embedded;

        Assert.Equal("国际", profiles.Get("zh").Variants.Canonical("國際"));
        Assert.Equal(" organisation ", profiles.Get("en").Variants.Canonical(" organization "));
        Assert.Same(ScriptVariants.None, profiles.Get("ar").Variants);
    }
}
