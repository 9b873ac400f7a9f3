using System.CommandLine;
using ReportPipeline.Cli;
using ReportPipeline.Cli.Commands;
using ReportPipeline.Local;

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
    SoakCommand.Create(storage),
    ServeCommand.Create(storage),
    ReviewCommand.Create(storage),
    SearchCommand.Create(storage),
    ExtractCommand.Create(),
    EvalCommand.Create(),
    TrainCommand.Create(),
    AnalyzeCommand.Create(),
    NamesCommand.Create(),
};
root.Options.Add(storage);
// Ctrl+C and SIGTERM cancel the command, which then stops its Azurite: wait for that stop (it saves Azurite's data)
// rather than System.CommandLine's default of 2 s, after which the process would end under a still-running emulator.
var invocation = new InvocationConfiguration
{
    EnableDefaultExceptionHandler = false,
    ProcessTerminationTimeout = AzuriteEmulator.StopTimeout + TimeSpan.FromSeconds(5),
};
try
{
    return await root.Parse(args).InvokeAsync(invocation, CancellationToken.None);
}
catch (Exception e)
{
    return CliFailure.Report(e, args, Console.Error, Path.Combine(RepoPaths.State, "logs"), TimeProvider.System);
}
