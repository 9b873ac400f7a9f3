using System.ComponentModel.DataAnnotations;

namespace ReportPipeline.Documents;

/// <summary>Routing and the bounds every analyzer keeps to (app settings <c>Analysis__*</c>).</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    public AnalysisMode Mode { get; set; } = AnalysisMode.Auto;

    /// <summary>Most pages a PDF may have; UN reports run to tens of pages, so 1,000 is generous.</summary>
    [Range(1, 2000)]
    public int MaxPages { get; set; } = 1000;

    /// <summary>
    /// Most bytes one PDF stream (page content, font, form) may decode to; bounds the memory a compression bomb can take.
    /// </summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxPdfStreamBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Most bytes all of a PDF's streams may decode to together, counting each time one is decoded again.</summary>
    [Range(1024, 16L * 1024 * 1024 * 1024)]
    public long MaxPdfDecodedBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Most bytes all parts of a DOCX may inflate to together (default 64 MiB).</summary>
    [Range(1, 1024L * 1024 * 1024)]
    public long MaxDocxUncompressedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Most bytes one XML part of a DOCX may inflate to (default 8 MiB, some 500 pages of text): the reader holds a part
    /// as a tree many times its size. Also the Open XML SDK's <c>MaxCharactersInPart</c>.
    /// </summary>
    [Range(1024, int.MaxValue)]
    public int MaxDocxPartBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Deepest a DOCX's XML may nest; Word's own files stay within a few dozen levels.</summary>
    [Range(8, 10_000)]
    public int MaxDocxDepth { get; set; } = 256;

    /// <summary>Most entries a DOCX zip may hold; a real report has a few dozen.</summary>
    [Range(1, 100_000)]
    public int MaxDocxEntries { get; set; } = 1000;

    /// <summary>Most bytes an HTML report may have, checked before it is parsed (default 8 MiB).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxHtmlBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Most elements an HTML report may have, counted while it is parsed, so a hostile page cannot exhaust memory in the DOM.</summary>
    [Range(1, 10_000_000)]
    public int MaxHtmlElements { get; set; } = 200_000;
}
