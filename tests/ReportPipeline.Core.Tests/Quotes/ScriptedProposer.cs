using ReportPipeline.Core.Reports;
using ReportPipeline.Extraction.Quotes;

namespace ReportPipeline.Core.Tests.Quotes;

/// <summary>A fake of the proposer port: answers each prompt with what the test scripts, and keeps the prompts.</summary>
internal sealed class ScriptedProposer(Func<QuotePrompt, IReadOnlyList<ProposedQuote>> answer, int maxInputTokens = 4000) : IQuoteProposer
{
    public List<QuotePrompt> Prompts { get; } = [];

    public bool IsConfigured { get; init; } = true;

    public string ExtractorVersion => ExtractorVersions.AzureOpenAI("test-deployment");

    public int MaxInputTokens => maxInputTokens;

    public int CountTokens(string text) => ReportChunkerTests.Words(text);

    public Task<QuoteProposal> ProposeAsync(QuotePrompt prompt, CancellationToken cancellationToken)
    {
        Prompts.Add(prompt);
        return Task.FromResult(new QuoteProposal(answer(prompt), new TokenUsage(CountTokens(prompt.Report), 10)));
    }

    public static ScriptedProposer Failing(string code) => new(_ => throw new QuoteProposalException(code, "The test says so."));
}
