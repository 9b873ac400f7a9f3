namespace ReportPipeline.Core.Reports;

/// <summary>Tokens a language model read (the prompts) and wrote (its answers).</summary>
public readonly record struct TokenUsage(long Input, long Output)
{
    public static TokenUsage None { get; }

    public static TokenUsage operator +(TokenUsage x, TokenUsage y) => new(x.Input + y.Input, x.Output + y.Output);
}
