using ReportPipeline.Core.Reports;
namespace ReportPipeline.Extraction.Learned;

/// <summary>
/// The questions the statement's own structure put one sentence under: a marker or a heading the rules followed. A struct of
/// two bit sets, one bit per question, because every sentence of every document has one.
/// </summary>
internal struct RuleMarks
{
    private byte marker;
    private byte heading;

    public readonly bool Marker(int question) => (marker & (1 << question)) != 0;

    public readonly bool Heading(int question) => (heading & (1 << question)) != 0;

    /// <summary>Whether a passage the rules gave a question by this method marks its sentences: a marker's or a heading's.</summary>
    public static bool Marks(string method) => method is ExtractionMethods.Marker or ExtractionMethods.Heading;

    /// <summary>Records a passage the rules gave the question; only a marker's or a heading's counts, not the classifier's.</summary>
    public void Mark(int question, string method)
    {
        switch (method)
        {
            case ExtractionMethods.Marker:
                marker |= (byte)(1 << question);
                break;
            case ExtractionMethods.Heading:
                heading |= (byte)(1 << question);
                break;
        }
    }
}
