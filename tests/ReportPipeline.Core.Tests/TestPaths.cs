using System.Reflection;

namespace ReportPipeline.Core.Tests;

internal static class TestPaths
{
    public static string RepoRoot { get; } = typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string Seeds(params string[] parts) => Path.Combine([RepoRoot, "seeds", .. parts]);
}
