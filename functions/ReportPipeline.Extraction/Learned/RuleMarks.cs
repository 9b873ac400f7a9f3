using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
namespace ReportPipeline.Extraction.Learned;

/// <summary>The questions the rules gave one sentence to, by the evidence that placed it.</summary>
internal sealed class RuleMarks
{
    public bool[] Marker { get; } = new bool[Question.Count];

    public bool[] Heading { get; } = new bool[Question.Count];

    public bool[] Classifier { get; } = new bool[Question.Count];

    public bool Any { get; private set; }

    public bool Has(int question) => Marker[question] || Heading[question] || Classifier[question];

    public void Mark(int question, string method)
    {
        Any = true;
        var marks = method switch
        {
            ExtractionMethods.Marker => Marker,
            ExtractionMethods.Heading => Heading,
            _ => Classifier,
        };
        marks[question] = true;
    }
}
