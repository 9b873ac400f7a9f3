using System.Globalization;
using System.CommandLine;
using System.Text;
using ReportPipeline.Evaluation;

namespace ReportPipeline.Cli.Commands;

/// <summary>
/// <c>train [DIR...] [--out FILE]</c>: fits the extraction model on labelled sets (by default every one the project has)
/// and writes the model file the app embeds. The same sets give the same bytes.
/// </summary>
internal static class TrainCommand
{
    /// <summary>The version of the model <c>train</c> writes: the extractor version its reports carry. Raise it with every retraining that changes the file.</summary>
    public const string ModelVersion = "learned-4";

    public static string DefaultOutput => Path.Combine(RepoPaths.Root, "functions", "ReportPipeline.Extraction", "Learned", "extraction-model.json");

    public static Command Create()
    {
        var directories = new Argument<DirectoryInfo[]>("directories")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Labelled sets (statement sets or corpora); default: " + string.Join(", ", TrainingSets.Default) + ".",
        };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the model (default: the model file the app embeds)." };
        var version = new Option<string>("--model-version") { Description = "The version written into the model.", DefaultValueFactory = _ => ModelVersion };
        var command = new Command("train", "Fit the extraction model on labelled sets and write its file.") { directories, output, version };
        command.SetAction(async (result, cancellationToken) =>
        {
            var given = result.GetValue(directories) ?? [];
            var names = given.Length > 0 ? [.. given.Select(d => TrainingSets.Name(d.FullName))] : TrainingSets.Default;
            await using var services = LocalFiles.BuildServices();
            var cases = await TrainingSets.ReadAsync(services, names.Select(TrainingSets.FullPath), cancellationToken);
            var model = ModelTrainer.Fit(cases, result.GetValue(version)!, names);
            var path = result.GetValue(output)?.FullName ?? DefaultOutput;
            await File.WriteAllTextAsync(path, model.ToJson(), new UTF8Encoding(false), cancellationToken);
            Console.WriteLine($"{cases.Count} cases, {cases.Sum(c => c.Sentences)} sentences from {names.Count} sets; thresholds {string.Join(" ", model.Thresholds.Select(t => t.ToString(CultureInfo.InvariantCulture)))}; written to {path}");
            return 0;
        });
        return command;
    }
}
