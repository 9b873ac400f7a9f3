using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Tests;

/// <summary>Kept layouts in memory, first write wins as in the blob adapter; counts the writes that stored one.</summary>
internal sealed class InMemoryLayoutStore : ILayoutStore
{
    private readonly Dictionary<string, LayoutDocument> _layouts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, LayoutDocument> Layouts => _layouts;

    public int Stored { get; private set; }

    public void Clear()
    {
        _layouts.Clear();
        Stored = 0;
    }

    public Task<LayoutDocument?> GetAsync(string contentHash, CancellationToken cancellationToken) => Task.FromResult(_layouts.GetValueOrDefault(contentHash));

    public Task<LayoutDocument?> KeepAsync(string contentHash, LayoutDocument layout, CancellationToken cancellationToken)
    {
        if (_layouts.TryAdd(contentHash, layout))
        {
            Stored++;
        }

        return Task.FromResult<LayoutDocument?>(_layouts[contentHash]);
    }
}
