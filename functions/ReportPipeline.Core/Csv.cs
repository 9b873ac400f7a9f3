using System.Text;

namespace ReportPipeline.Core;

/// <summary>RFC 4180 reading and writing, with spreadsheet formula injection neutralised on write.</summary>
public static class Csv
{
    public static IReadOnlyList<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>
    /// A cell for any spreadsheet in any locale: always quoted, so no comma, semicolon or tab inside it separates cells where
    /// quotes are honoured; and an apostrophe before each character that would start a formula, at the cell's start and after
    /// any separator, so a program that splits on one regardless still finds no formula.
    /// </summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var cell = new StringBuilder(value.Length + 4).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            if ((i == 0 || IsSeparator(value[i - 1])) && IsFormulaStart(value[i]))
            {
                cell.Append('\'');
            }

            cell.Append(value[i] == '"' ? "\"\"" : value[i]);
        }

        return cell.Append('"').ToString();
    }

    private static bool IsSeparator(char c) => c is ',' or ';' or '\t' or '|' or '\n' or '\r' or '\uFF0C' or '\uFF1B';

    // Full-width forms too: some spreadsheets fold them to their ASCII twins before parsing.
    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r' or '|' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
}
