namespace ReportPipeline.Core.Storage;

/// <summary>Published survey editions: their files, an index of editions, and short-lived links to read them.</summary>
public interface ISurveyStore
{
    Task<SurveyEdition?> GetLatestEditionAsync(Period period, CancellationToken cancellationToken);

    /// <summary>Every edition of a period, newest first.</summary>
    Task<IReadOnlyList<SurveyEdition>> ListEditionsAsync(Period period, CancellationToken cancellationToken);

    Task PublishAsync(SurveyEdition edition, IReadOnlyList<SurveyFile> files, CancellationToken cancellationToken);

    Task<ReadOnlyMemory<byte>?> ReadFileAsync(SurveyEdition edition, string fileName, CancellationToken cancellationToken);

    /// <summary>Read-only links to every file of an edition, valid for <paramref name="lifetime"/>.</summary>
    Task<IReadOnlyList<FileLink>> IssueReadLinksAsync(SurveyEdition edition, TimeSpan lifetime, CancellationToken cancellationToken);
}
