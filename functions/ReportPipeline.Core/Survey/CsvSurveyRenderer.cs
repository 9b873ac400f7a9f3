using System.Globalization;
using System.Text;

namespace ReportPipeline.Core.Survey;

/// <summary>
/// One row per Member State and question, with the answer's themes, source and opening words. Report text is
/// folded onto one line and every cell a spreadsheet would run as a formula is neutralised. A UTF-8 byte-order
/// mark lets spreadsheets read Arabic, Chinese and Russian text correctly.
/// </summary>
public sealed class CsvSurveyRenderer : ISurveyRenderer
{
    public const string Header = "period,edition,iso3,state,region,subregion,area,reported,version,language,question,answered,passages,themes,page,paragraph,excerpt";

    public string FileName => "global-implementation-survey.csv";

    public string ContentType => "text/csv; charset=utf-8";

    public byte[] Render(SurveyModel survey)
    {
        var csv = new StringBuilder("\uFEFF").Append(Header).Append('\n');
        foreach (var state in survey.Annex)
        {
            foreach (var question in Question.All)
            {
                var answer = state.Answers.FirstOrDefault(a => a.Question == question);
                string[] cells = [survey.Period, survey.Edition, state.Iso3, state.Name, state.Region, state.Subregion, state.Area, state.Reported ? "yes" : "no",
                    state.Reported ? state.Version.ToString(CultureInfo.InvariantCulture) : "", state.Language, question.ToString(), answer is null ? "no" : "yes",
                    (answer?.Passages ?? 0).ToString(CultureInfo.InvariantCulture), string.Join(' ', answer?.Themes ?? []),
                    answer is null ? "" : answer.Page.ToString(CultureInfo.InvariantCulture),
                    answer is null ? "" : answer.Paragraph.ToString(CultureInfo.InvariantCulture),
                    answer?.Summary ?? ""];
                csv.AppendJoin(',', cells.Select(c => Csv.Cell(OneLine(c)))).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>Folds line breaks, tabs and other separators to spaces and trims, so no cell hides a formula on a later line or behind blanks.</summary>
    public static string OneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            line.Append(char.IsWhiteSpace(c) || char.IsControl(c) ? ' ' : c);
        }

        return line.ToString().Trim();
    }
}
