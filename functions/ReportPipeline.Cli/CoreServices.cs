using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Core;

namespace ReportPipeline.Cli;

/// <summary>Core's registrations without storage, for the commands that only read files (extract, eval, bench).</summary>
internal static class CoreServices
{
    public static ServiceProvider Build() =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables().Build())
            .AddLogging()
            .AddReportPipelineCore()
            .BuildServiceProvider();
}
