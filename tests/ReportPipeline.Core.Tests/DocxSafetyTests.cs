using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;
using ReportPipeline.Documents.Docx;

namespace ReportPipeline.Core.Tests;

/// <summary>A hostile Word file: fields, external links and a macro part are never run or followed.</summary>
public sealed class DocxSafetyTests
{
    [Fact]
    public async Task AnalyzeAsync_FieldsLinksAndMacros_ReadsCachedTextAndFetchesNothing()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/payload";
        var docx = Build(url);

        var layout = await new DocxAnalyzer(Options.Create(new AnalysisOptions())).AnalyzeAsync(docx, DocumentFormat.Docx, TestContext.Current.CancellationToken);

        Assert.Equal(["Before cached result after.", "Linked text"], layout.Paragraphs.Select(p => p.Text));
        Assert.False(listener.Pending(), "the analyzer connected to the field's or the link's URL");
    }

    private static byte[] Build(string url)
    {
        const string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var files = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
                <Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>
                """,
            ["_rels/.rels"] = """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """,
            ["word/_rels/document.xml.rels"] = $"""
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="{url}" TargetMode="External"/>
                <Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>
                """,
            ["word/document.xml"] = $"""
                <?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>
                <w:p><w:r><w:t xml:space="preserve">Before </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDETEXT "{url}" </w:instrText></w:r>
                <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>cached result</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> after.</w:t></w:r></w:p>
                <w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>Linked text</w:t></w:r></w:hyperlink></w:p>
                </w:body></w:document>
                """,
            ["word/vbaProject.bin"] = "Sub AutoOpen(): Shell \"calc\": End Sub",
        };
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content.Trim()));
            }
        }

        return zip.ToArray();
    }
}
