namespace ReportPipeline.Infrastructure.Storage;

/// <summary>The property names of the pipeline's table rows: every adapter that writes or reads a row uses these.</summary>
public static class Columns
{
    public const string State = "State";
    public const string BlobName = "BlobName";
    public const string Status = "Status";
    public const string Reason = "Reason";
    public const string Message = "Message";
    public const string ContentHash = "ContentHash";
    public const string Bytes = "Bytes";
    public const string Version = "Version";
    public const string ReceivedAt = "ReceivedAt";
    public const string UploadedAt = "UploadedAt";
    public const string ExtractorVersion = "ExtractorVersion";

    /// <summary>On a state's current submission: the highest version number given so far, which a late older upload also takes.</summary>
    public const string Versions = "Versions";

    /// <summary>True on a state's current submission, false on the rows of its superseded versions.</summary>
    public const string Current = "Current";
    public const string Format = "Format";
    public const string Language = "Language";
    public const string Pages = "Pages";
    public const string Coverage = "Coverage";
    public const string Warnings = "Warnings";
    public const string Question = "Question";
    public const string Entry = "Entry";
    public const string Chunk = "Chunk";
    public const string Text = "Text";
    public const string Provenance = "Provenance";
    public const string Confidence = "Confidence";
    public const string Method = "Method";
    public const string Themes = "Themes";
    public const string Edition = "Edition";
    public const string CompiledAt = "CompiledAt";
    public const string SourceChangedAt = "SourceChangedAt";
    public const string StatesReporting = "StatesReporting";
    public const string Files = "Files";
    public const string Salt = "Salt";
    public const string Hash = "Hash";
    public const string IssuedAt = "IssuedAt";
    public const string RevokedAt = "RevokedAt";
    public const string ExpiresAt = "ExpiresAt";

    /// <summary>Credentials: the times (Unix milliseconds, 8 bytes each, little-endian) of the slots given in the last day.</summary>
    public const string RecentSlots = "RecentSlots";

    /// <summary>Reviews: the head row's count of decisions (replaced under its ETag), and each decision row's place in the log.</summary>
    public const string Revision = "Revision";
    public const string Action = "Action";
    public const string Passage = "Passage";
    public const string Paragraph = "Paragraph";
    public const string ById = "ById";
    public const string ByName = "ByName";
    public const string At = "At";

    /// <summary>Reviews: the machine passages the analyst had in view, space-separated.</summary>
    public const string Seen = "Seen";

    /// <summary>Blob metadata of a quarantined report.</summary>
    public const string ReasonMetadata = "reason";
    public const string MessageMetadata = "message";
}
