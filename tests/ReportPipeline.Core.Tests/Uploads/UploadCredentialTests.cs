using System.Text;
using ReportPipeline.Core.Uploads;

namespace ReportPipeline.Core.Tests.Uploads;

public sealed class UploadCredentialTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_Key_ParsesToItsIdAndVerifies()
    {
        var (issued, stored) = UploadCredential.Create("FRA", s_now);

        Assert.True(UploadCredential.TryParse(issued.Key, out var id, out var secret));
        Assert.Equal(stored.Id, id);
        Assert.True(UploadCredential.Verify(stored, secret));
    }

    [Fact]
    public void Create_Stored_HoldsNoTraceOfTheSecret()
    {
        var (issued, stored) = UploadCredential.Create("FRA", s_now);
        UploadCredential.TryParse(issued.Key, out _, out var secret);

        var storedText = Convert.ToBase64String(stored.Hash) + Convert.ToBase64String(stored.Salt) + stored.Id;
        Assert.DoesNotContain(secret, storedText, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), storedText, StringComparison.Ordinal);
        Assert.Equal(32, stored.Hash.Length);
        Assert.Equal(16, stored.Salt.Length);
    }

    [Fact]
    public void Create_TwoCredentials_DifferInIdSecretAndSalt()
    {
        var (a, storedA) = UploadCredential.Create("FRA", s_now);
        var (b, storedB) = UploadCredential.Create("FRA", s_now);

        Assert.NotEqual(a.Id, b.Id);
        Assert.NotEqual(a.Key, b.Key);
        Assert.NotEqual(storedA.Salt, storedB.Salt);
    }

    [Fact]
    public void Verify_OtherCredentialsSecret_Fails()
    {
        var (_, stored) = UploadCredential.Create("FRA", s_now);
        var (other, _) = UploadCredential.Create("FRA", s_now);
        UploadCredential.TryParse(other.Key, out _, out var otherSecret);

        Assert.False(UploadCredential.Verify(stored, otherSecret));
    }

    [Fact]
    public void Verify_SecretWithOneCharacterChanged_Fails()
    {
        var (issued, stored) = UploadCredential.Create("FRA", s_now);
        UploadCredential.TryParse(issued.Key, out _, out var secret);
        var tampered = (secret[0] == 'A' ? 'B' : 'A') + secret[1..];

        Assert.False(UploadCredential.Verify(stored, tampered));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("rp_")]
    [InlineData("rp_0123456789abcdef")]
    [InlineData("rp_0123456789abcdef_")]
    [InlineData("xx_0123456789abcdef_secret")]
    [InlineData("rp_0123456789ABCDEF_secret")]
    [InlineData("rp_../../../etc/pass_secret")]
    public void TryParse_Malformed_ReturnsFalse(string? key) => Assert.False(UploadCredential.TryParse(key, out _, out _));

    [Fact]
    public void TryParse_TooLong_ReturnsFalse() =>
        Assert.False(UploadCredential.TryParse("rp_0123456789abcdef_" + new string('a', 200), out _, out _));
}
