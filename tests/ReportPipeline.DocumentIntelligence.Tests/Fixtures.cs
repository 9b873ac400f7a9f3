namespace ReportPipeline.DocumentIntelligence.Tests;

/// <summary>The official example responses under Fixtures/ (the synthetic layout result is the fake server's own).</summary>
internal static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
