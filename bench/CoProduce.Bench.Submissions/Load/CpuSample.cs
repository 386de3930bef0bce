using System.Globalization;

namespace CoProduce.Bench.Submissions.Load;

/// <summary>Whole-machine CPU counters from /proc (Linux), to put every figure next to the load it ran under.</summary>
public sealed record CpuSample(long Busy, long Total)
{
    public static CpuSample Read()
    {
        try
        {
            var first = File.ReadLines("/proc/stat").First();
            var values = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var idle = values[3] + (values.Length > 4 ? values[4] : 0);
            var total = values.Take(8).Sum();
            return new CpuSample(total - idle, total);
        }
        catch (IOException)
        {
            return new CpuSample(0, 0);
        }
    }

    public double BusyFractionSince(CpuSample earlier) =>
        Total == earlier.Total ? 0 : (double)(Busy - earlier.Busy) / (Total - earlier.Total);

    /// <summary>The 1-minute load average, or -1 where /proc/loadavg is missing.</summary>
    public static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    /// <summary>User plus system CPU seconds of a process (0 when unknown).</summary>
    public static double ProcessCpuSeconds(int? pid)
    {
        if (pid is null)
        {
            return 0;
        }

        try
        {
            // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks / 100.0; // USER_HZ is 100 on Linux
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
