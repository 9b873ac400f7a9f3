using System.Diagnostics;
using System.Reflection;
using ReportPipeline.Core;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts;

namespace ReportPipeline.Documents.Pdf;

/// <summary>
/// Tells damage in a PDF from a bug of ours. A document fault is one of PdfPig's own parse exceptions, or any other
/// exception PdfPig's code threw while reading (its lenient parser meets damage with IndexOutOfRange, NullReference,
/// InvalidCast and the like); an exception raised in our code is never the document's, so it must surface as a failure.
/// </summary>
internal static class PdfFailure
{
    public static bool IsDocumentFault(Exception e)
    {
        if (e is PdfDocumentFormatException or PdfDocumentStackDepthException or InvalidFontFormatException or CorruptCompressedDataException)
        {
            return true;
        }

        if (e is ReportRejectedException or OperationCanceledException or OutOfMemoryException)
        {
            return false;
        }

        // The innermost frame outside the runtime's own libraries says whose code failed.
        foreach (var frame in new StackTrace(e, fNeedFileInfo: false).GetFrames())
        {
            var assembly = frame.GetMethod()?.DeclaringType?.Assembly;
            if (assembly is not null && !IsRuntime(assembly))
            {
                return assembly.GetName().Name?.StartsWith("UglyToad.PdfPig", StringComparison.Ordinal) == true;
            }
        }

        return false;
    }

    private static bool IsRuntime(Assembly assembly) =>
        assembly == typeof(object).Assembly || assembly.GetName().Name?.StartsWith("System.", StringComparison.Ordinal) == true;
}
