using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ReportPipeline.Local;

namespace ReportPipeline.Cli;

/// <summary>
/// The one owner of "which embedded storage": one Azurite per data folder. Azurite keeps its tables in memory and writes them to
/// the folder when it stops, so a second Azurite on the same folder neither sees nor keeps what the first one holds (a key issued
/// there is refused by the first). The process that starts the folder's Azurite holds an exclusive lock on <c>owner.lock</c> in it
/// for as long as it runs (the system drops the lock when the process dies, however it dies) and names its ports in
/// <c>owner.json</c>. A command that finds the folder owned uses that Azurite when its owner serves (<c>serve</c>,
/// <c>demo --keep-running</c>), and otherwise refuses in one line; a second server refuses too, since two would ingest each blob.
/// </summary>
internal sealed class EmbeddedStorage : IAsyncDisposable
{
    public const string LockFile = "owner.lock";
    public const string OwnerFile = "owner.json";

    /// <summary>How long a command waits for an owner that is still starting its Azurite to name its ports (Azurite's own start bound).</summary>
    private static readonly TimeSpan s_ownerStartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(200);

    private readonly string _directory;
    private readonly FileStream? _lock;
    private Owner? _owner;

    private EmbeddedStorage(string directory, FileStream? ownedLock, AzuriteEmulator? azurite, Owner? owner, string connectionString)
    {
        _directory = directory;
        _lock = ownedLock;
        Azurite = azurite;
        _owner = owner;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The Azurite this process started and owns; null when it uses another process's.</summary>
    public AzuriteEmulator? Azurite { get; }

    /// <summary>
    /// The folder's Azurite: the running one when its owner serves, else one this process starts and owns (<paramref name="serves"/>:
    /// others may use it while this process runs). Throws <see cref="LocalStorageBusyException"/> when neither may be.
    /// </summary>
    public static async Task<EmbeddedStorage> OpenAsync(string directory, bool serves, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (TryLock(directory) is { } owned)
            {
                return await StartAsync(directory, owned, serves, cancellationToken);
            }

            if (Read(directory) is { } owner)
            {
                if (serves || !owner.Shared)
                {
                    throw new LocalStorageBusyException(Busy(owner, directory, serves));
                }

                Console.Error.WriteLine($"Using the Azurite of the running {owner.Describe()} on {directory}.");
                return new EmbeddedStorage(directory, null, null, null, AzuriteEmulator.ConnectionStringFor(owner.BlobPort, owner.QueuePort, owner.TablePort));
            }

            // The owner is still starting its Azurite.
            if (TimeProvider.System.GetElapsedTime(started) > s_ownerStartTimeout)
            {
                throw new LocalStorageBusyException($"another reportpipeline command holds the local storage in {directory} but never said where its Azurite listens; end it, or use --storage.");
            }

            await Task.Delay(s_poll, cancellationToken);
        }
    }

    /// <summary>Names the address this process serves on in <c>owner.json</c>, for the line another command prints.</summary>
    public void Announce(Uri url)
    {
        if (_owner is not null)
        {
            _owner = _owner with { Url = url.ToString() };
            Write(_directory, _owner);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }

        if (_lock is not null)
        {
            // Gone before the lock: nobody may read the ports of an Azurite that has stopped as if it ran.
            File.Delete(Path.Combine(_directory, OwnerFile));
            await _lock.DisposeAsync();
        }
    }

    private static async Task<EmbeddedStorage> StartAsync(string directory, FileStream owned, bool serves, CancellationToken cancellationToken)
    {
        try
        {
            // A previous owner killed outright has let go of the lock while its Azurite, told by its lifeline, still saves the data.
            if (Read(directory) is { } previous && await StillListensAsync(previous, cancellationToken))
            {
                throw new LocalStorageBusyException(
                    $"the Azurite of an earlier {previous.Command} (pid {previous.AzuritePid}) still runs on {directory} after it ended; wait for it to stop, or stop it.");
            }

            File.Delete(Path.Combine(directory, OwnerFile));
            Console.Error.WriteLine($"Starting Azurite ({AzuriteEmulator.Package}) with data in {directory} …");
            var azurite = await AzuriteEmulator.StartAsync(directory, cancellationToken);
            var owner = new Owner(Environment.ProcessId, azurite.ProcessId, CommandName(), serves, azurite.BlobPort, azurite.QueuePort, azurite.TablePort, null);
            Write(directory, owner);
            return new EmbeddedStorage(directory, owned, azurite, owner, azurite.ConnectionString);
        }
        catch
        {
            await owned.DisposeAsync();
            throw;
        }
    }

    /// <summary>The folder's lock, held exclusively (an advisory lock on Unix, which the system releases with the process); null when another process holds it.</summary>
    private static FileStream? TryLock(string directory)
    {
        try
        {
            return new FileStream(Path.Combine(directory, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static Owner? Read(string directory)
    {
        try
        {
            return JsonSerializer.Deserialize<Owner>(File.ReadAllText(Path.Combine(directory, OwnerFile)));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Replaced whole (written beside it, then moved), so a reader never meets half a file.</summary>
    private static void Write(string directory, Owner owner)
    {
        var path = Path.Combine(directory, OwnerFile);
        var next = path + ".next";
        File.WriteAllText(next, JsonSerializer.Serialize(owner));
        File.Move(next, path, overwrite: true);
    }

    private static string Busy(Owner owner, string directory, bool serves) =>
        serves && owner.Shared
            ? $"{owner.Describe()} already serves the local storage in {directory}; use it, or stop it (Ctrl+C) first: two servers would ingest every report twice."
            : $"{owner.Describe()} is using the local storage in {directory}; wait for it to end (or run serve, which other commands share), or use --storage.";

    private static async Task<bool> StillListensAsync(Owner owner, CancellationToken cancellationToken)
    {
        var waited = TimeProvider.System.GetTimestamp();
        while (await ListensAsync(owner.BlobPort) || await ListensAsync(owner.TablePort))
        {
            if (TimeProvider.System.GetElapsedTime(waited) > AzuriteEmulator.StopTimeout)
            {
                return true;
            }

            await Task.Delay(s_poll, cancellationToken);
        }

        return false;
    }

    private static async Task<bool> ListensAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The command as typed, without its options: <c>serve</c>, <c>credentials issue</c>.</summary>
    private static string CommandName() =>
        string.Join(' ', Environment.GetCommandLineArgs().Skip(1).TakeWhile(a => !a.StartsWith('-')).Take(2)) is { Length: > 0 } name ? name : "reportpipeline";

    /// <summary>What <c>owner.json</c> holds: who owns the folder's Azurite, whether others may use it, and where it listens.</summary>
    private sealed record Owner(int Pid, int AzuritePid, string Command, bool Shared, int BlobPort, int QueuePort, int TablePort, string? Url)
    {
        public string Describe() => string.Create(CultureInfo.InvariantCulture, $"reportpipeline {Command} (pid {Pid}{(Url is null ? "" : $", {Url}")})");
    }
}
