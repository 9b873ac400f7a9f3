namespace ReportPipeline.Core.Languages;

/// <summary>
/// Reads text as <see cref="TextNormalizer"/> folds it, one character at a time as it is written. What it has read so far is one
/// number the fold passes back in, so that it stays in a register through the fold's loop.
/// </summary>
internal interface IFoldReader
{
    /// <summary>Reads <paramref name="folded"/>, which ends at offset <paramref name="end"/> of the folded text, in <paramref name="state"/>; returns the next state.</summary>
    int Read(int state, char folded, int end);
}
