namespace ReportPipeline.Documents.Pdf;

/// <summary>
/// A run of text on one baseline, bounded by wide gaps (column gutters); coordinates in PDF points, y upwards. A
/// <see cref="Field"/> line is a form field's value: a paragraph of its own, never a heading or furniture.
/// </summary>
internal sealed record PdfLine(int Page, double Left, double Right, double Bottom, double Top, double Baseline, double FontSize, bool Bold, string Text, bool Rtl = false,
    bool Field = false)
{
    public double Width => Right - Left;
}
