using System.CommandLine;
using ReportPipeline.Cli;
using ReportPipeline.Cli.Commands;

var storage = new Option<string?>("--storage")
{
    Description = "Storage connection string (default: the ReportPipeline__Storage variable, else an embedded Azurite).",
    Recursive = true,
};
var root = new RootCommand("reportpipeline: the ReportPipeline local host for the Counter-Terrorism Committee's resolution 1373 reports.")
{
    DemoCommand.Create(storage),
    IngestCommand.Create(storage),
    SurveyCommands.CreateSurvey(storage),
    SurveyCommands.CreateLinks(storage),
    StatusCommand.Create(storage),
    ReprocessCommand.Create(storage),
    BenchCommand.Create(storage),
    CredentialsCommand.Create(storage),
    UploadCommand.Create(storage),
    ExtractCommand.Create(),
    EvalCommand.Create(),
    AnalyzeCommand.Create(),
};
root.Options.Add(storage);
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e)
{
    return CliFailure.Report(e, args, Console.Error, Path.Combine(RepoPaths.State, "logs"), TimeProvider.System);
}
