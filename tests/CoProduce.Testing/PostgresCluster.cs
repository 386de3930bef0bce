using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CoProduce.Testing;

/// <summary>
/// A throw-away PostgreSQL cluster started from the Debian binaries (<c>initdb</c>, <c>pg_ctl</c> under
/// <c>/usr/lib/postgresql/*/bin</c>) in a temporary folder on a free port, with fsync off. One cluster
/// serves a whole test run (<see cref="Shared"/>); each test class gets a fresh database. Everything
/// is stopped and deleted when the test process exits. Missing binaries are a failure, never a skip.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    public const string DebianPackage = "postgresql";

    private static readonly Lazy<PostgresCluster> SharedCluster = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _binDirectory;
    private readonly string _root;
    private readonly bool _asPostgresUser;
    private int _disposed;

    private PostgresCluster(string binDirectory, string root, int port, bool asPostgresUser)
    {
        _binDirectory = binDirectory;
        _root = root;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>The cluster of this test run, started on first use.</summary>
    public static PostgresCluster Shared => SharedCluster.Value;

    public int Port { get; }

    public string DataDirectory => Path.Combine(_root, "data");

    /// <summary>Connection string for a database in the cluster.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            Pooling = true,
            MaxPoolSize = 20,
            Timeout = 30,
        }.ConnectionString;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray())}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Finds the newest <c>/usr/lib/postgresql/N/bin</c> holding initdb and pg_ctl.</summary>
    public static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
                .Where(c => File.Exists(Path.Combine(c.Bin, "initdb")) && File.Exists(Path.Combine(c.Bin, "pg_ctl")))
                .OrderByDescending(c => c.Version)
                .ToArray()
            : [];
        return candidates.Length > 0
            ? candidates[0].Bin
            : throw new InvalidOperationException(
                $"PostgreSQL server binaries (initdb, pg_ctl) were not found under {root}/*/bin. " +
                $"Install the Debian package '{DebianPackage}': apt-get update && apt-get install -y {DebianPackage}  (./test.sh does this).");
    }

    private static PostgresCluster Start()
    {
        var bin = FindBinaries();
        var asPostgresUser = Environment.UserName == "root";
        var root = Path.Combine(Path.GetTempPath(), $"coproduce-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var port = FreePort();
        var cluster = new PostgresCluster(bin, root, port, asPostgresUser);
        try
        {
            if (asPostgresUser)
            {
                // initdb refuses to run as root, so the cluster belongs to the postgres OS user.
                Run("chown", ["-R", "postgres:postgres", root], null);
            }

            cluster.RunTool("initdb", ["-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
            var settings = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            cluster.RunTool("pg_ctl", ["-D", cluster.DataDirectory, "-o", settings, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start"]);
        }
        catch
        {
            cluster.Dispose();
            throw;
        }

        // The test runner may kill the test host soon after the run ends, so the cluster is stopped and
        // its folder removed by a detached shell that outlives the host.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.CleanUpDetached();
        return cluster;
    }

    /// <summary>Stops the server and deletes the folder from a detached process, without waiting.</summary>
    private void CleanUpDetached()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var pgCtl = Path.Combine(_binDirectory, "pg_ctl");
        var stop = _asPostgresUser
            ? $"runuser -u postgres -- '{pgCtl}' -D '{DataDirectory}' -m immediate -w stop"
            : $"'{pgCtl}' -D '{DataDirectory}' -m immediate -w stop";
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{stop} >/dev/null 2>&1; rm -rf '{_root}'");
        try
        {
            using var process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            NpgsqlConnection.ClearAllPools();
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                RunTool("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
            }
        }
        catch (InvalidOperationException)
        {
            // Best effort: the folder is removed below either way.
        }
        finally
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private void RunTool(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binDirectory, tool);
        if (_asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments], _root);
        }
        else
        {
            Run(path, arguments, _root);
        }
    }

    private static void Run(string file, IReadOnlyList<string> arguments, string? workingDirectory)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} did not finish within two minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
