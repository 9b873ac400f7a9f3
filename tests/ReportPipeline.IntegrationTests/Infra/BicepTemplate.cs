using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ReportPipeline.IntegrationTests.Infra;

/// <summary>Runs infra/scripts/bicep.sh (the Bicep CLI from its NuGet package) once for the tests that read the template.</summary>
public sealed class BicepTemplate
{
    private static readonly Lazy<Task<BicepTemplate>> s_instance = new(LoadAsync);

    private BicepTemplate(JsonObject compiled, string buildErrors, string lintOutput)
    {
        Compiled = compiled;
        BuildErrors = buildErrors;
        LintOutput = lintOutput;
    }

    public static string MainBicep => Path.Combine(AzuriteFixture.RepoRoot, "infra", "main.bicep");

    /// <summary>The ARM JSON of infra/main.bicep.</summary>
    public JsonObject Compiled { get; }

    /// <summary>What <c>bicep build</c> printed on stderr (warnings and errors); empty when clean.</summary>
    public string BuildErrors { get; }

    /// <summary>What <c>bicep lint</c> printed; empty when clean.</summary>
    public string LintOutput { get; }

    public static Task<BicepTemplate> GetAsync() => s_instance.Value;

    /// <summary>Every resource of the template and its nested deployments (the modules), depth first.</summary>
    public IEnumerable<JsonObject> Resources() => Flatten(Compiled);

    /// <summary>The parameter values main.bicep passes to one module.</summary>
    public JsonObject ModuleParameters(string module) =>
        Compiled["resources"]!.AsArray().Select(r => r!.AsObject())
            .Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == module)["properties"]!["parameters"]!.AsObject();

    /// <summary>The properties of the function app's config resource named <paramref name="name"/> (<c>appsettings</c>, <c>authsettingsV2</c>).</summary>
    public JsonObject SiteConfig(string name) =>
        Assert.Single(Resources(), r => (string?)r["type"] == "Microsoft.Web/sites/config" && ((string?)r["name"])!.EndsWith($"'{name}')]", StringComparison.Ordinal))["properties"]!.AsObject();

    /// <summary>A top-level value, with a plain <c>[variables('x')]</c> reference replaced by the variable's value.</summary>
    public string? Resolve(JsonNode? value)
    {
        var text = (string?)value;
        const string Prefix = "[variables('";
        return text is not null && text.StartsWith(Prefix, StringComparison.Ordinal) && text.EndsWith("')]", StringComparison.Ordinal)
            ? (string?)Compiled["variables"]![text[Prefix.Length..^3]]
            : text;
    }

    private static IEnumerable<JsonObject> Flatten(JsonObject template)
    {
        // languageVersion 2.0 templates keep resources in an object keyed by symbolic name.
        var resources = template["resources"] switch
        {
            JsonObject byName => byName.Select(p => p.Value!.AsObject()),
            JsonArray list => list.Select(r => r!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Flatten(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static async Task<BicepTemplate> LoadAsync()
    {
        var (buildCode, json, buildErrors) = await RunAsync("build", MainBicep, "--stdout");
        Assert.True(buildCode == 0, $"bicep build failed: {buildErrors}");
        var (_, lintOut, lintErr) = await RunAsync("lint", MainBicep);
        return new BicepTemplate(JsonNode.Parse(json)!.AsObject(), buildErrors.Trim(), (lintOut + lintErr).Trim());
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AzuriteFixture.RepoRoot };
        start.ArgumentList.Add(Path.Combine(AzuriteFixture.RepoRoot, "infra", "scripts", "bicep.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
