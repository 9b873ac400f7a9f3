using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReportPipeline.Core;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.IntegrationTests.Uploads;

/// <summary>The valet key against a real Azurite: slots are checked by the storage service itself, not by us.</summary>
[Trait("Category", "Integration")]
public sealed class UploadSlotTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly HttpClient s_http = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly string _period = AzuriteFixture.NewPeriod().Value;
    private readonly List<ServiceProvider> _providers = [];

    private UploadSlotService Slots => azurite.Services.GetRequiredService<UploadSlotService>();

    private CredentialService Credentials => azurite.Services.GetRequiredService<CredentialService>();

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }
    }

    private static async Task<HttpStatusCode> PutAsync(Uri url, string content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(content) };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var response = await s_http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private async Task<UploadSlot> GrantedSlotAsync(string state = "FRA", string fileName = "report.txt")
    {
        var key = (await Credentials.IssueAsync(state, _ct)).Key;
        var result = await Slots.RequestAsync(key, state, _period, fileName, _ct);
        Assert.True(result.Granted, result.Message);
        return result.Slot!;
    }

    [Fact]
    public async Task RequestAsync_StatesOwnKey_SlotCreatesOneBlobInItsFolder()
    {
        var slot = await GrantedSlotAsync("FRA", "reply.txt");

        Assert.Equal(HttpStatusCode.Created, await PutAsync(slot.Url, "France's reply"));

        Assert.Matches($@"^{_period}/FRA/\d{{8}}T\d{{6}}Z-[0-9a-f]{{8}}-reply\.txt$", slot.BlobName);
        var stored = await azurite.Storage.Report(slot.BlobName).DownloadContentAsync(_ct);
        Assert.Equal("France's reply", stored.Value.Content.ToString());
    }

    [Fact]
    public async Task RequestAsync_KeyOfAnotherState_IsRefused()
    {
        var fraKey = (await Credentials.IssueAsync("FRA", _ct)).Key;

        var result = await Slots.RequestAsync(fraKey, "CHN", _period, "report.txt", _ct);

        Assert.False(result.Granted);
        Assert.Equal(ReasonCodes.BadCredential, result.ReasonCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-key")]
    [InlineData("rp_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task RequestAsync_MissingOrUnknownKey_IsRefused(string? key)
    {
        var result = await Slots.RequestAsync(key, "FRA", _period, "report.txt", _ct);

        Assert.Equal(ReasonCodes.BadCredential, result.ReasonCode);
    }

    [Fact]
    public async Task RequestAsync_RightIdWrongSecret_IsRefused()
    {
        var issued = await Credentials.IssueAsync("FRA", _ct);
        var forged = issued.Key[..^4] + (issued.Key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var result = await Slots.RequestAsync(forged, "FRA", _period, "report.txt", _ct);

        Assert.Equal(ReasonCodes.BadCredential, result.ReasonCode);
    }

    [Fact]
    public async Task RequestAsync_RevokedKey_IsRefusedWhileAnotherKeyStillWorks()
    {
        var revoked = await Credentials.IssueAsync("FRA", _ct);
        var kept = await Credentials.IssueAsync("FRA", _ct);
        Assert.True((await Slots.RequestAsync(revoked.Key, "FRA", _period, "a.txt", _ct)).Granted);

        Assert.Equal(1, await Credentials.RevokeAsync("FRA", revoked.Id, _ct));

        Assert.Equal(ReasonCodes.BadCredential, (await Slots.RequestAsync(revoked.Key, "FRA", _period, "a.txt", _ct)).ReasonCode);
        Assert.True((await Slots.RequestAsync(kept.Key, "FRA", _period, "a.txt", _ct)).Granted);
    }

    [Fact]
    public async Task RevokeAsync_WholeState_RefusesEveryKeyOfIt()
    {
        // NZL is used by no other test, so revoking all of its keys disturbs nothing running in parallel.
        var first = await Credentials.IssueAsync("NZL", _ct);
        var second = await Credentials.IssueAsync("NZL", _ct);

        Assert.True(await Credentials.RevokeAsync("NZL", null, _ct) >= 2);

        Assert.False((await Slots.RequestAsync(first.Key, "NZL", _period, "a.txt", _ct)).Granted);
        Assert.False((await Slots.RequestAsync(second.Key, "NZL", _period, "a.txt", _ct)).Granted);
    }

    [Fact]
    public async Task Slot_SecondPut_CannotOverwrite()
    {
        var slot = await GrantedSlotAsync();
        Assert.Equal(HttpStatusCode.Created, await PutAsync(slot.Url, "original"));

        var second = await PutAsync(slot.Url, "replacement");

        Assert.Equal(HttpStatusCode.Forbidden, second);
        var stored = await azurite.Storage.Report(slot.BlobName).DownloadContentAsync(_ct);
        Assert.Equal("original", stored.Value.Content.ToString());
    }

    [Fact]
    public async Task Slot_CannotReadItsBlob()
    {
        var slot = await GrantedSlotAsync();
        Assert.Equal(HttpStatusCode.Created, await PutAsync(slot.Url, "secret report"));

        using var response = await s_http.GetAsync(slot.Url, _ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Slot_CannotListTheContainer()
    {
        var slot = await GrantedSlotAsync();
        var path = slot.Url.AbsolutePath;
        var list = new UriBuilder(slot.Url)
        {
            Path = path[..(path.IndexOf("/reports/", StringComparison.Ordinal) + "/reports".Length)],
            Query = slot.Url.Query.TrimStart('?') + "&restype=container&comp=list",
        };

        using var response = await s_http.GetAsync(list.Uri, _ct);

        Assert.EndsWith("/reports", list.Path, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Slot_CannotCreateAnotherBlob()
    {
        var slot = await GrantedSlotAsync("FRA");
        var elsewhere = new UriBuilder(slot.Url) { Path = slot.Url.AbsolutePath.Replace($"/{_period}/FRA/", $"/{_period}/CHN/", StringComparison.Ordinal) };

        Assert.Equal(HttpStatusCode.Forbidden, await PutAsync(elsewhere.Uri, "planted"));
        Assert.False((await azurite.Storage.Report(slot.BlobName.Replace("/FRA/", "/CHN/", StringComparison.Ordinal)).ExistsAsync(_ct)).Value);
    }

    [Fact]
    public async Task Slot_Expired_CannotCreate()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(30));
        var provider = azurite.CreateServices(services => services.AddSingleton<TimeProvider>(clock));
        _providers.Add(provider);
        var key = (await provider.GetRequiredService<CredentialService>().IssueAsync("FRA", _ct)).Key;
        var result = await provider.GetRequiredService<UploadSlotService>().RequestAsync(key, "FRA", _period, "late.txt", _ct);
        Assert.True(result.Granted, result.Message);
        Assert.True(result.Slot!.ExpiresAt < TimeProvider.System.GetUtcNow());

        Assert.Equal(HttpStatusCode.Forbidden, await PutAsync(result.Slot.Url, "too late"));
        Assert.False((await azurite.Storage.Report(result.Slot.BlobName).ExistsAsync(_ct)).Value);
    }

    [Fact]
    public async Task RequestAsync_KeyPastItsExpiry_IsRefusedAsBadCredential()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var provider = azurite.CreateServices(services => services.AddSingleton<TimeProvider>(clock));
        _providers.Add(provider);
        var credentials = provider.GetRequiredService<CredentialService>();
        var expiresAt = clock.GetUtcNow() + TimeSpan.FromDays(1);
        var key = (await credentials.IssueAsync("GHA", expiresAt, _ct)).Key;
        var slots = provider.GetRequiredService<UploadSlotService>();

        var before = await slots.RequestAsync(key, "GHA", _period, "report.txt", _ct);
        clock.Advance(TimeSpan.FromDays(1));
        var after = await slots.RequestAsync(key, "GHA", _period, "report.txt", _ct);

        Assert.True(before.Granted, before.Message);
        Assert.Equal(ReasonCodes.BadCredential, after.ReasonCode);
        Assert.Contains(await credentials.ListAsync("GHA", _ct), c => c.ExpiresAt == expiresAt);
        var refused = await Assert.ThrowsAsync<CredentialRefusedException>(() => credentials.IssueAsync("GHA", clock.GetUtcNow(), _ct));
        Assert.Equal(ReasonCodes.BadExpiry, refused.ReasonCode);
    }

    [Fact]
    public async Task RequestAsync_TwentyFirstSlotOfAKeyInAnHour_IsRefusedTooManySlotsWhileAnotherKeyIsNot()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var provider = azurite.CreateServices(services => services.AddSingleton<TimeProvider>(clock));
        _providers.Add(provider);
        var credentials = provider.GetRequiredService<CredentialService>();
        var slots = provider.GetRequiredService<UploadSlotService>();
        var key = (await credentials.IssueAsync("KEN", _ct)).Key;
        var other = (await credentials.IssueAsync("KEN", _ct)).Key;

        var granted = 0;
        for (var i = 0; i < 20; i++)
        {
            granted += (await slots.RequestAsync(key, "KEN", _period, $"part{i}.txt", _ct)).Granted ? 1 : 0;
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var refused = await slots.RequestAsync(key, "KEN", _period, "part20.txt", _ct);
        var otherKey = await slots.RequestAsync(other, "KEN", _period, "other.txt", _ct);
        clock.Advance(TimeSpan.FromMinutes(40));
        var anHourOn = await slots.RequestAsync(key, "KEN", _period, "later.txt", _ct);

        Assert.Equal(20, granted);
        Assert.Equal(ReasonCodes.TooManySlots, refused.ReasonCode);
        Assert.Contains("20 an hour, 100 a day", refused.Message, StringComparison.Ordinal);
        Assert.True(otherKey.Granted, otherKey.Message);
        Assert.True(anHourOn.Granted, anHourOn.Message);
    }

    [Theory]
    [InlineData("../CHN/report.txt")]
    [InlineData("..")]
    [InlineData("CHN/report.txt")]
    [InlineData("report\u0001.txt")]
    [InlineData("report\r\n.txt")]
    [InlineData(".env")]
    [InlineData("")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.txt")]
    public async Task RequestAsync_TraversalOrOddName_IsRefused(string fileName)
    {
        var key = (await Credentials.IssueAsync("FRA", _ct)).Key;

        var result = await Slots.RequestAsync(key, "FRA", _period, fileName, _ct);

        Assert.False(result.Granted);
        Assert.Equal(ReasonCodes.BadFileName, result.ReasonCode);
    }

    [Theory]
    [InlineData("2026-H3")]
    [InlineData("../2026")]
    [InlineData("")]
    public async Task RequestAsync_BadPeriod_IsRefused(string period)
    {
        var key = (await Credentials.IssueAsync("FRA", _ct)).Key;

        var result = await Slots.RequestAsync(key, "FRA", period, "report.txt", _ct);

        Assert.Equal(ReasonCodes.BadPeriod, result.ReasonCode);
    }

    [Fact]
    public async Task RequestAsync_ClosedPeriod_RefusedPeriodClosed()
    {
        var key = (await Credentials.IssueAsync("FRA", _ct)).Key;

        var result = await Slots.RequestAsync(key, "FRA", "1902-H2", "report.txt", _ct);

        Assert.Equal(ReasonCodes.PeriodClosed, result.ReasonCode);
        Assert.StartsWith("The period 1902-H2 is not open for reports; open: 1902-Q2, 1903-Q2", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueAsync_CredentialsTable_HoldsOnlyAHash()
    {
        var issued = await Credentials.IssueAsync("FRA", _ct);
        var secret = issued.Key[(UploadCredential.Prefix.Length + UploadCredential.IdLength + 1)..];

        var table = azurite.Services.GetRequiredService<StorageClientFactory>().Tables.GetTableClient(StorageNames.CredentialsTable);
        var row = (await table.GetEntityAsync<TableEntity>("FRA", issued.Id, cancellationToken: _ct)).Value;

        Assert.Equal(32, row.GetBinary("Hash").Length);
        foreach (var (_, value) in row)
        {
            var text = value switch
            {
                byte[] bytes => Convert.ToBase64String(bytes) + System.Text.Encoding.UTF8.GetString(bytes),
                _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(issued.Key, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AuthenticateAsync_KeyIssuedBeforeTheIdIndex_WorksOnceTheProvisionerIndexedIt()
    {
        var (issued, stored) = UploadCredential.Create("PER", TimeProvider.System.GetUtcNow());
        var table = azurite.Services.GetRequiredService<StorageClientFactory>().Tables.GetTableClient(StorageNames.CredentialsTable);
        await table.AddEntityAsync(new TableEntity("PER", stored.Id)
        {
            ["Salt"] = stored.Salt,
            ["Hash"] = stored.Hash,
            ["IssuedAt"] = stored.IssuedAt,
        }, _ct);

        var before = await Credentials.AuthenticateAsync(issued.Key, _ct);
        await azurite.Services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(_ct);
        var after = await Credentials.AuthenticateAsync(issued.Key, _ct);

        Assert.Null(before);
        Assert.Equal("PER", after?.Iso3);
        var index = (await table.GetEntityAsync<TableEntity>(Infrastructure.Uploads.TableCredentialStore.IdIndexPartition, stored.Id, cancellationToken: _ct)).Value;
        Assert.Equal("PER", index.GetString("State"));
    }
}
