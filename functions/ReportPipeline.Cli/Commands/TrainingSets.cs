using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Extraction;
using ReportPipeline.Evaluation;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Cli.Commands;

/// <summary>
/// The labelled sets the extraction model learns from, read at run time: the project's own corpus and invented statements,
/// and the real statement sets kept outside the repository in ../shared (third-party text: read, never copied).
/// </summary>
internal static class TrainingSets
{
    /// <summary>Relative to the repository root, as <c>train</c> names them in the model file.</summary>
    public static IReadOnlyList<string> Default { get; } =
    [
        "seeds/corpus",
        "seeds/invented-statements/development",
        "seeds/invented-statements/check",
        "seeds/invented-statements/check-2",
        "../shared/corpus-real",
        "../shared/corpus-real-2",
    ];

    /// <summary>A folder's name in reports and the model file: its path from the repository root, with forward slashes.</summary>
    public static string Name(string directory) => Path.GetRelativePath(RepoPaths.Root, Path.GetFullPath(directory)).Replace('\\', '/');

    public static string FullPath(string name) => Path.GetFullPath(Path.Combine(RepoPaths.Root, name));

    /// <summary>Reads and featurises the labelled cases of each folder, in the order given.</summary>
    public static async Task<List<FeaturedCase>> ReadAsync(IServiceProvider services, IEnumerable<string> directories, CancellationToken cancellationToken)
    {
        var sets = new LabelledSets(services.GetRequiredService<IDocumentAnalyzer>());
        var rules = services.GetRequiredService<AnswerExtractor>();
        var cases = new List<FeaturedCase>();
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"{directory}: no such labelled set");
            }

            cases.AddRange((await sets.ReadAsync(directory, Name(directory), cancellationToken)).Select(c => new FeaturedCase(c, rules)));
        }

        return cases;
    }
}
