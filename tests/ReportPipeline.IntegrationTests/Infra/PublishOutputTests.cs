using System.Diagnostics;

namespace ReportPipeline.IntegrationTests.Infra;

/// <summary>
/// What <c>azd deploy</c> ships: a Release <c>dotnet publish</c> of the Functions app must hold the three files the
/// Flex Consumption host loads the worker from, and no local settings, local tooling or evaluation code. One publish (about a minute), to a temp folder.
/// </summary>
[Trait("Category", "Infra")]
public sealed class PublishOutputTests
{
    [Fact]
    public async Task Publish_FunctionsApp_ContainsTheHostFilesAndNoLocalTooling()
    {
        var output = Path.Combine(Path.GetTempPath(), "reportpipeline-publish-" + Guid.NewGuid().ToString("N"));
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AzuriteFixture.RepoRoot };
            foreach (var argument in new[] { "publish", Path.Combine("functions", "ReportPipeline.Functions"), "-c", "Release", "--no-restore", "-o", output, "--nologo" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var log = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await log}\n{await errors}");

            Assert.True(File.Exists(Path.Combine(output, "host.json")), "host.json is missing");
            Assert.True(File.Exists(Path.Combine(output, "functions.metadata")), "functions.metadata is missing");
            Assert.True(File.Exists(Path.Combine(output, "worker.config.json")), "worker.config.json is missing");
            Assert.True(File.Exists(Path.Combine(output, "ReportPipeline.Functions.dll")), "the worker assembly is missing");
            Assert.False(File.Exists(Path.Combine(output, "local.settings.json")), "local.settings.json must not be deployed");
            Assert.Contains("RequestUploadSlot", await File.ReadAllTextAsync(Path.Combine(output, "functions.metadata"), TestContext.Current.CancellationToken));

            // Local tooling stays local: no assembly of the app names the Azurite launcher or carries the emulator's well-known key.
            Assert.False(File.Exists(Path.Combine(output, "ReportPipeline.Local.dll")), "the local tooling assembly was published");
            Assert.False(File.Exists(Path.Combine(output, "ReportPipeline.Evaluation.dll")), "the evaluation assembly was published");
            Assert.True(File.Exists(Path.Combine(output, "ReportPipeline.Documents.dll")), "the document analyzers are missing");
            Assert.True(File.Exists(Path.Combine(output, "ReportPipeline.Extraction.dll")), "the extractor is missing");
            foreach (var assembly in Directory.EnumerateFiles(output, "*.dll", SearchOption.AllDirectories))
            {
                var bytes = await File.ReadAllBytesAsync(assembly, TestContext.Current.CancellationToken);
                Assert.True(bytes.AsSpan().IndexOf("AzuriteEmulator"u8) < 0, $"{Path.GetFileName(assembly)} names AzuriteEmulator");
                Assert.True(bytes.AsSpan().IndexOf("devstoreaccount1"u8) < 0, $"{Path.GetFileName(assembly)} holds the emulator's account");
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
