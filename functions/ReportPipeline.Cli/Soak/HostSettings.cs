using System.Text.Json;

namespace ReportPipeline.Cli.Soak;

/// <summary>The host.json settings the stand-in plays by; the Functions host's defaults (5 each) where host.json says nothing.</summary>
internal sealed record HostSettings(int PoisonBlobThreshold, int MaxDequeueCount)
{
    private const int HostDefault = 5;

    /// <summary><c>extensions.blobs.poisonBlobThreshold</c> and <c>extensions.queues.maxDequeueCount</c> of the host.json the CLI is built with.</summary>
    public static HostSettings Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        int Read(string extension, string setting) =>
            json.RootElement.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty(extension, out var section)
                && section.TryGetProperty(setting, out var value) ? value.GetInt32() : HostDefault;
        return new(Read("blobs", "poisonBlobThreshold"), Read("queues", "maxDequeueCount"));
    }
}
