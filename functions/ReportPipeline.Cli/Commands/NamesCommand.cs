using System.CommandLine;
using ReportPipeline.Cli.Names;

namespace ReportPipeline.Cli.Commands;

/// <summary><c>names</c>: regenerates the Member State and region names of the six language profiles from CLDR and the UN overrides.</summary>
internal static class NamesCommand
{
    public static Command Create()
    {
        var command = new Command("names",
            "Write states.json and regions.json in each language profile: CLDR names through ICU, overridden by the UN's forms in seeds/names/overrides.json.");
        command.SetAction(_ =>
        {
            var icu = IcuRegionNames.Load();
            Console.WriteLine($"ICU {icu.Version} (CLDR names as .NET reads them on this machine)");
            foreach (var names in ProfileNames.Generate(RepoPaths.Root, icu))
            {
                Console.WriteLine($"  {names.Language}: {names.States} states, {names.Regions} regions, {names.Overridden} UN form(s) over CLDR");
            }

            return 0;
        });
        return command;
    }
}
