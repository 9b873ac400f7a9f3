namespace ReportPipeline.Cli;

/// <summary>Where the CLI finds the repository's seeds and keeps its local state.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string State => Path.Combine(Root, ".reportpipeline");

    public static string AzuriteData => Path.Combine(State, "azurite");

    public static string SeedReports => Path.Combine(Root, "seeds", "reports");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReportPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
