using System.CommandLine;
using ReportPipeline.Core;

namespace ReportPipeline.Cli.Commands;

/// <summary><c>--period P</c>, read as a <see cref="Period"/> where the command line is parsed; anything else is a usage error.</summary>
internal static class PeriodOption
{
    public static Option<Period> Create(string description) => new("--period")
    {
        Required = true,
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Period.TryParse(text, out var period))
            {
                return period;
            }

            result.AddError($"'{text}' is not a reporting period; use {Period.Rule}.");
            return null;
        },
    };
}
