using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Tests;

/// <summary>Kept layouts in memory, create-only as in the blob adapter (what is kept first stays, readable or not); counts the writes that stored one.</summary>
internal sealed class InMemoryLayoutStore : ILayoutStore
{
    private readonly Dictionary<string, KeptLayout> _kept = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, LayoutDocument> Layouts =>
        _kept.Where(k => k.Value.Layout is not null).ToDictionary(k => k.Key, k => k.Value.Layout!, StringComparer.Ordinal);

    public int Stored { get; private set; }

    public void Clear()
    {
        _kept.Clear();
        Stored = 0;
    }

    /// <summary>Puts something the store cannot read under the hash, as a damaged blob or one of another format version is.</summary>
    public void Damage(string contentHash, string problem) => _kept[contentHash] = KeptLayout.Unreadable(problem);

    public Task<KeptLayout> GetAsync(string contentHash, CancellationToken cancellationToken) => Task.FromResult(_kept.GetValueOrDefault(contentHash, KeptLayout.None));

    public Task<LayoutDocument?> KeepAsync(string contentHash, LayoutDocument layout, CancellationToken cancellationToken)
    {
        if (_kept.TryAdd(contentHash, KeptLayout.Of(layout)))
        {
            Stored++;
        }

        return Task.FromResult<LayoutDocument?>(_kept[contentHash].Layout ?? layout);
    }
}
