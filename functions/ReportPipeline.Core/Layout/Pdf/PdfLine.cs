namespace ReportPipeline.Core.Layout.Pdf;

/// <summary>A run of text on one baseline, bounded by wide gaps (column gutters); coordinates in PDF points, y upwards.</summary>
internal sealed record PdfLine(int Page, double Left, double Right, double Bottom, double Top, double Baseline, double FontSize, bool Bold, string Text, bool Rtl = false)
{
    public double Width => Right - Left;
}
