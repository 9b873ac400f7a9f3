namespace ReportPipeline.Core.Languages;

/// <summary>Forms of address to the presidency: a title and an office ("Mr." "President"), or a whole form ("主席先生").</summary>
public sealed record AddressDocument
{
    public required IReadOnlyList<string> Titles { get; init; }

    public required IReadOnlyList<string> Offices { get; init; }

    public required IReadOnlyList<string> Forms { get; init; }
}
