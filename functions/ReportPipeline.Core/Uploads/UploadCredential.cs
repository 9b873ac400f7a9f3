using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ReportPipeline.Core.Uploads;

/// <summary>
/// Upload keys <c>rp_{id}_{secret}</c>: a 16-hex-digit id (the row key, so lookup is one point read) and a
/// 32-byte random secret in base64url. Stored as SHA-256(salt ‖ secret) with a 16-byte salt per credential.
/// A single salted SHA-256 suffices because the secret is 256 random bits, not a password: there is no
/// dictionary to guess from, so key stretching (PBKDF2) would add CPU per request and no security.
/// </summary>
public static class UploadCredential
{
    public const string Prefix = "rp_";
    public const int IdLength = 16;
    private const int SecretBytes = 32;
    private const int SaltBytes = 16;
    private const int MaxKeyLength = 128;

    /// <summary>Creates a credential for <paramref name="state"/>; the caller stores <c>Stored</c> and shows <c>Issued.Key</c> once.</summary>
    public static (IssuedCredential Issued, StoredCredential Stored) Create(string state, DateTimeOffset now)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return (new IssuedCredential(state, id, $"{Prefix}{id}_{secret}", now), new StoredCredential(state, id, salt, Hash(salt, secret), now, null));
    }

    /// <summary>Splits a presented key into its id and secret; false for anything not shaped like a key.</summary>
    public static bool TryParse(string? key, out string id, out string secret)
    {
        id = secret = "";
        if (key is null || key.Length > MaxKeyLength || !key.StartsWith(Prefix, StringComparison.Ordinal)
            || key.Length < Prefix.Length + IdLength + 2 || key[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        var candidate = key.Substring(Prefix.Length, IdLength);
        if (!candidate.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        id = candidate;
        secret = key[(Prefix.Length + IdLength + 1)..];
        return true;
    }

    /// <summary>True when <paramref name="secret"/> matches the stored hash; the comparison takes the same time wherever the bytes differ.</summary>
    public static bool Verify(StoredCredential stored, string secret) =>
        CryptographicOperations.FixedTimeEquals(Hash(stored.Salt, secret), stored.Hash);

    private static byte[] Hash(byte[] salt, string secret)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var input = new byte[salt.Length + secretBytes.Length];
        salt.CopyTo(input, 0);
        secretBytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }
}
