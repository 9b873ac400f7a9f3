using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReportPipeline.Cli;

namespace ReportPipeline.IntegrationTests.Local;

/// <summary>
/// One Azurite per data folder: a command run beside a <c>serve</c> works on that serve's Azurite (a key it issues is the one the
/// running portal accepts), a second server refuses in one line, and a command beside one that does not serve refuses too. The
/// built CLI runs as child processes in a folder of their own, found afterwards by an environment variable they all inherit.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class RunningServeTests : IDisposable
{
    private readonly TempFolder _folder = new("reportpipeline-serve-");
    private readonly string _mark = Guid.NewGuid().ToString("N");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public RunningServeTests() => Assert.True(OperatingSystem.IsLinux(), "These tests read /proc; they do not skip.");

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex(@"rp_[0-9a-f]{16}_[A-Za-z0-9_-]{43}")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"Member-state portal: (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex PortalPattern();

    [Fact]
    public async Task CredentialsIssue_WhileServeRuns_PrintsAKeyTheRunningPortalAccepts()
    {
        using var serve = CliProcess.Start(_folder.Path, _mark, "serve", "--port", "0");
        await serve.KeepsRunningAsync(_ct);
        var portal = new Uri((await serve.LineAsync(PortalPattern(), _ct)).Groups[1].Value);

        var (issued, issuedOutput) = await RunAsync("credentials", "issue", "KEN");
        var key = KeyPattern().Match(issuedOutput).Value;
        var (second, secondOutput) = await RunAsync("serve", "--port", "0");
        HttpStatusCode slot;
        using (var client = new HttpClient { BaseAddress = portal })
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            using var response = await client.PostAsJsonAsync("api/uploads", new { state = "KEN", period = "2026-H1", fileName = "reply.txt" }, _ct);
            slot = response.StatusCode;
        }

        var (listed, listedOutput) = await RunAsync("credentials", "list", "KEN");

        Assert.True(issued == 0, issuedOutput);
        Assert.Contains($"Using the Azurite of the running reportpipeline serve (pid {serve.Id}, {portal})", issuedOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Starting Azurite", issuedOutput, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, slot);
        Assert.True(listed == 0, listedOutput);
        Assert.Contains($"{key.Substring(3, 16)}  KEN  issued ", listedOutput, StringComparison.Ordinal);
        Assert.Contains("last slot", listedOutput, StringComparison.Ordinal);
        Assert.Equal(1, second);
        Assert.Equal(
            $"reportpipeline: reportpipeline serve (pid {serve.Id}, {portal}) already serves the local storage in {Path.Combine(_folder.Path, ".reportpipeline", "azurite")}; "
            + "use it, or stop it (Ctrl+C) first: two servers would ingest every report twice.",
            Assert.Single(secondOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));

        // Ctrl+C in a terminal signals the whole foreground group; the serve's Azurite saves the key, which the next command finds on its own Azurite.
        using (var kill = Process.Start("kill", ["-s", "INT", "--", (-serve.Id).ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(_ct);
        }

        Assert.Equal(0, await serve.ExitAsync(_ct));
        var (after, afterOutput) = await RunAsync("credentials", "list", "KEN", "--json");
        Assert.True(after == 0, afterOutput);
        Assert.Contains("Starting Azurite", afterOutput, StringComparison.Ordinal);
        using var afterJson = JsonDocument.Parse(afterOutput.Split('\n').Single(l => l.StartsWith('{')));
        var kept = Assert.Single(afterJson.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal(key.Substring(3, 16), kept.GetProperty("id").GetString());
        Assert.Equal("active", kept.GetProperty("status").GetString());
        Assert.Equal(1, kept.GetProperty("slotsLastDay").GetInt32());
        var left = ProcessTable.Carrying(CliProcess.MarkVariable, _mark);
        Assert.True(left.Count == 0, "Left running: " + ProcessTable.Describe(left));
    }

    [Fact]
    public async Task OpenAsync_FolderHeldByACommandThatDoesNotServe_IsRefusedInOneLineWithoutASecondAzurite()
    {
        var data = Path.Combine(_folder.Path, "azurite");
        await using var owner = await EmbeddedStorage.OpenAsync(data, serves: false, _ct);

        var user = await Assert.ThrowsAsync<LocalStorageBusyException>(() => EmbeddedStorage.OpenAsync(data, serves: false, _ct));
        var server = await Assert.ThrowsAsync<LocalStorageBusyException>(() => EmbeddedStorage.OpenAsync(data, serves: true, _ct));

        Assert.NotNull(owner.Azurite);
        Assert.Contains($"(pid {Environment.ProcessId}) is using the local storage in {data}; wait for it to end", user.Message, StringComparison.Ordinal);
        Assert.Equal(user.Message, server.Message);
        Assert.DoesNotContain('\n', user.Message);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var cli = CliProcess.Start(_folder.Path, _mark, arguments);
        // WaitForExitAsync also waits for the redirected output to reach its end, so Output is whole.
        var exitCode = await cli.ExitAsync(_ct);
        return (exitCode, cli.Output);
    }
}
