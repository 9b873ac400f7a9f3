namespace ReportPipeline.Cli.Soak;

/// <summary>
/// One upload: the state it is filed under and the state whose key asks for its slot (the same, but for
/// <see cref="SoakKind.UnknownState"/>), its period, file name and bytes; <see cref="EventLost"/> when its Event Grid
/// delivery never comes.
/// </summary>
internal sealed record SoakUpload(int Index, SoakKind Kind, string State, string KeyState, string Period, string FileName, byte[] Content, bool EventLost)
{
    /// <summary>Whether it goes through an upload slot, as a Member State's upload does, rather than straight into the container.</summary>
    public bool ThroughSlot => Kind < SoakKind.StrayUnknownState;

    /// <summary>The blob a stray upload writes; slot uploads are named by their slot.</summary>
    public string StrayBlobName => Kind switch
    {
        SoakKind.StrayBadPath => FileName,
        _ => $"{Period}/{State}/{FileName}",
    };
}
