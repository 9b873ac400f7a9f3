namespace ReportPipeline.IntegrationTests;

/// <summary>A folder of its own under the system's temp folder, deleted with all it holds when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix) => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
