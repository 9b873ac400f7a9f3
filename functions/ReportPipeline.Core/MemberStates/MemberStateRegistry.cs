using System.Collections.Frozen;
using System.Reflection;

namespace ReportPipeline.Core.MemberStates;

/// <summary>The 193 UN Member States, read from the embedded seeds/member-states.csv.</summary>
public sealed class MemberStateRegistry
{
    private const string ResourceName = "ReportPipeline.Core.member-states.csv";
    private readonly FrozenDictionary<string, MemberState> _byIso3;

    public MemberStateRegistry(IEnumerable<MemberState> states)
    {
        All = [.. states.OrderBy(s => s.Iso3, StringComparer.Ordinal)];
        _byIso3 = All.ToFrozenDictionary(s => s.Iso3, StringComparer.Ordinal);
    }

    public IReadOnlyList<MemberState> All { get; }

    public static MemberStateRegistry LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return new MemberStateRegistry(Parse(reader.ReadToEnd()));
    }

    public bool TryGet(string iso3, out MemberState state) => _byIso3.TryGetValue(iso3, out state!);

    internal static IEnumerable<MemberState> Parse(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines.Skip(1))
        {
            var f = Csv.SplitLine(line);
            if (f.Count != 6)
            {
                throw new FormatException($"member-states.csv: expected 6 fields in '{line}'.");
            }

            yield return new MemberState(f[0], f[1], f[2], f[3], f[4], f[5]);
        }
    }
}
