namespace ReportPipeline.Cli.Names;

/// <summary>How the names of one language were made: from CLDR, or from the UN's own form in <c>seeds/names/overrides.json</c>.</summary>
internal sealed record GeneratedNames(string Language, int States, int Regions, int Overridden);
