using System.ComponentModel.DataAnnotations;

namespace ReportPipeline.Core.Survey;

/// <summary>Lifetimes of staff links (app settings <c>Links__*</c>).</summary>
public sealed class LinkOptions
{
    public const string SectionName = "Links";

    [Range(1, 24 * 60)]
    public int DefaultMinutes { get; set; } = 60;

    /// <summary>The longest lifetime anyone may ask for.</summary>
    [Range(1, 24 * 60)]
    public int MaxMinutes { get; set; } = 240;
}
