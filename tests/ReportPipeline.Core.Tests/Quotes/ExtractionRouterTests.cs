using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Reports;
using ReportPipeline.Extraction;
using ReportPipeline.Extraction.Learned;
using ReportPipeline.Extraction.Quotes;

namespace ReportPipeline.Core.Tests.Quotes;

public sealed class ExtractionRouterTests
{
    private const string Marked = "(a) Our border agencies lack biometric equipment.\n\n(b) Technical assistance from CTED helped us draft legislation.";

    private static ExtractionRouter Router(ExtractionMode mode, IQuoteProposer? proposer) => new(
        new LearnedExtractor(ThemeCatalog.Default), ThemeCatalog.Default, Options.Create(new ExtractionOptions { Mode = mode }),
        NullLogger<ExtractionRouter>.Instance, proposer);

    private static Task<LayoutDocument> LayoutAsync(string text) => TestExtraction.AnalyzeAsync(text, "reply.txt");

    private static ScriptedProposer Proposer() => new(_ => [new("b", "Technical assistance from CTED helped us draft legislation.")]);

    [Theory]
    [InlineData(ExtractionMode.Local, true)]
    [InlineData(ExtractionMode.Auto, false)]
    public async Task ExtractAsync_LocalOrUnconfiguredAuto_NeverAsksTheModel(ExtractionMode mode, bool configured)
    {
        var proposer = new ScriptedProposer(_ => []) { IsConfigured = configured };

        var report = await Router(mode, proposer).ExtractAsync(await LayoutAsync(Marked), TestContext.Current.CancellationToken);

        Assert.Empty(proposer.Prompts);
        Assert.Equal((ExtractionModel.Default.Version, "ab"), (report.ExtractorVersion, report.Coverage.ToString()));
    }

    [Theory]
    [InlineData(ExtractionMode.AzureOpenAI)]
    [InlineData(ExtractionMode.Auto)]
    public async Task ExtractAsync_ModelConfigured_AnswersWithVerifiedQuotes(ExtractionMode mode)
    {
        var report = await Router(mode, Proposer()).ExtractAsync(await LayoutAsync(Marked), TestContext.Current.CancellationToken);

        var answer = Assert.Single(report.Answers);
        Assert.Equal((ExtractionMethods.Quote, "b"), (answer.Method, answer.Question.ToString()));
        Assert.StartsWith("azure-openai/", report.ExtractorVersion, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReasonCodes.OpenAIUnavailable)]
    [InlineData(ReasonCodes.OpenAIContentFilter)]
    [InlineData(ReasonCodes.OpenAITruncated)]
    [InlineData(ReasonCodes.OpenAIBadResponse)]
    public async Task ExtractAsync_ModelFails_LocalAnswersWithAWarningCarryingTheReasonCode(string code)
    {
        var report = await Router(ExtractionMode.AzureOpenAI, ScriptedProposer.Failing(code)).ExtractAsync(await LayoutAsync(Marked), TestContext.Current.CancellationToken);

        Assert.Equal((ExtractionModel.Default.Version, "ab"), (report.ExtractorVersion, report.Coverage.ToString()));
        Assert.StartsWith($"{code}: The test says so. The local extractor answered instead.", Assert.Single(report.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_Cancelled_DoesNotFallBack()
    {
        var proposer = new ScriptedProposer(_ => throw new OperationCanceledException());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await Router(ExtractionMode.AzureOpenAI, proposer).ExtractAsync(await LayoutAsync(Marked), TestContext.Current.CancellationToken));
    }
}
