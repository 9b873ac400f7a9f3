using System.Globalization;

namespace ReportPipeline.IntegrationTests.Local;

/// <summary>Running processes as Linux's /proc shows them, for the tests that prove a command leaves none behind.</summary>
internal static class ProcessTable
{
    /// <summary>A process; its start time tells it apart from a later one that reuses its id.</summary>
    public sealed record Entry(int Id, int ParentId, long StartTicks, string CommandLine);

    /// <summary>The live processes whose environment holds <c>name=value</c>, which every descendant inherits whoever its parent is now.</summary>
    public static IReadOnlyList<Entry> Carrying(string name, string value) =>
        [.. Live().Where(p => Read($"/proc/{p.Id}/environ")?.Split('\0').Contains($"{name}={value}") == true)];

    /// <summary>The live process <paramref name="id"/> and all its descendants.</summary>
    public static IReadOnlyList<Entry> TreeOf(int id)
    {
        var all = Live();
        var tree = all.Where(p => p.Id == id).ToList();
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(all.Where(p => p.ParentId == tree[i].Id));
        }

        return tree;
    }

    /// <summary>Whether the process still runs; a zombie, dead but not yet reaped, holds no memory or ports and does not.</summary>
    public static bool IsRunning(Entry process) => Stat(process.Id) is { } now && now.StartTicks == process.StartTicks;

    public static string Describe(IEnumerable<Entry> processes) =>
        string.Join("; ", processes.Select(p => $"{p.Id} (parent {p.ParentId}): {p.CommandLine}"));

    private static List<Entry> Live() =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Stat(id) : null)
            .OfType<Entry>()];

    /// <summary>Reads /proc/{id}/stat; the fields after the command name (which may hold spaces and parentheses) are state, parent, …, start time (the 22nd).</summary>
    private static Entry? Stat(int id)
    {
        var stat = Read($"/proc/{id}/stat");
        if (stat is null)
        {
            return null;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        if (fields[0] is "Z" or "X")
        {
            return null;
        }

        var commandLine = Read($"/proc/{id}/cmdline")?.Replace('\0', ' ').Trim() ?? "";
        return new Entry(id, int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[19], CultureInfo.InvariantCulture), commandLine);
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended while we looked, or belongs to someone else.
            return null;
        }
    }
}
