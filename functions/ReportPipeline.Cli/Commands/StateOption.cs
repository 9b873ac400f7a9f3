using System.CommandLine;

namespace ReportPipeline.Cli.Commands;

/// <summary>An optional <c>--state</c> filter: a code as blob names give it (letters and digits), upper-cased; anything else is a usage error.</summary>
internal static class StateOption
{
    public static Option<string?> Create(string description) => new("--state")
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (text.Length is > 0 and <= 8 && text.All(char.IsAsciiLetterOrDigit))
            {
                return text.ToUpperInvariant();
            }

            result.AddError($"'{text}' is not a state code; use the ISO 3166 alpha-3 code, e.g. FRA.");
            return null;
        },
    };
}
