using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
namespace ReportPipeline.Extraction.Learned;

/// <summary>The questions the statement's own structure put one sentence under: a marker or a heading the rules followed.</summary>
internal sealed class RuleMarks
{
    public bool[] Marker { get; } = new bool[Question.Count];

    public bool[] Heading { get; } = new bool[Question.Count];

    /// <summary>Records a passage the rules gave the question; only a marker's or a heading's counts, not the classifier's.</summary>
    public void Mark(int question, string method)
    {
        switch (method)
        {
            case ExtractionMethods.Marker:
                Marker[question] = true;
                break;
            case ExtractionMethods.Heading:
                Heading[question] = true;
                break;
        }
    }
}
