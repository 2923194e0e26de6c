using System.Diagnostics;
using System.Globalization;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Extraction;
using KazakhUnrest.DevTools.Hostile;
using KazakhUnrest.Scraper.Pipeline;

namespace KazakhUnrest.Bench;

/// <summary>
/// Extraction of each hostile page (<see cref="HostilePages"/>) as an imported file would get it (refused when over the
/// import's size limit, else extracted within the default limits), one child process per
/// page so each peak working set is that page's own, and a child still busy after the timeout is stopped and reported
/// as such instead of holding up the rest.
/// </summary>
public static class HostileBenchmark
{
    public static int Run(string? only, TimeSpan timeout)
    {
        if (only is not null)
        {
            return RunOne(only);
        }

        Console.WriteLine($"{"input",-12} {"bytes",12} {"result",-60} {"seconds",8} {"peak MiB",9}");
        foreach (var name in HostilePages.Names)
        {
            Console.WriteLine(Child(name, timeout));
        }

        return 0;
    }

    /// <summary>Writes every hostile page and two ordinary ones into <paramref name="folder"/>, for an <c>import</c> by hand.</summary>
    public static void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var name in HostilePages.Names)
        {
            File.WriteAllBytes(Path.Combine(folder, HostilePages.FileName(name)), HostilePages.Bytes(name));
        }

        File.WriteAllText(Path.Combine(folder, "normal-1.html"), HostilePages.Normal(1));
        File.WriteAllText(Path.Combine(folder, "normal-2.html"), HostilePages.Normal(2));
    }

    private static int RunOne(string name)
    {
        var bytes = HostilePages.Bytes(name);
        var file = HostilePages.FileName(name);
        var origin = file.EndsWith(".txt", StringComparison.Ordinal) ? CaptureOrigin.TextFile : CaptureOrigin.HtmlFile;
        var capture = new RawCapture(new Uri("capture:///" + file), bytes, origin, DateTimeOffset.UtcNow,
            origin == CaptureOrigin.TextFile ? "text/plain" : "text/html", OriginDetail: file);
        var watch = Stopwatch.StartNew();
        string result;
        var maxBytes = new IngestLimits().MaxFileBytes;
        try
        {
            if (bytes.Length > maxBytes)
            {
                // What an import does with it: refused by its size, before it is read.
                throw new InvalidDataException($"refused, over the {maxBytes:N0}-byte file limit");
            }

            var page = ExtractStep.Run(capture, new ExtractionLimits());
            var article = page.Articles.FirstOrDefault();
            result = $"{page.Articles.Count} article(s), title {article?.Title?.Length ?? 0} chars, {article?.Blocks.Count ?? 0} blocks, {page.Cuts.Count} cut(s)";
        }
        catch (Exception e)
        {
            result = $"{e.GetType().Name}: {e.Message}";
        }

        watch.Stop();
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-12} {bytes.Length,12:N0} {Shorten(result),-60} {watch.Elapsed.TotalSeconds,8:F2} {self.PeakWorkingSet64 / 1024 / 1024,9}"));
        return 0;
    }

    private static string Child(string name, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (!Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("KazakhUnrest.Bench", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(HostileBenchmark).Assembly.Location);
        }

        foreach (var argument in new[] { "hostile", "--input", name })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync();
        if (!child.WaitForExit(timeout))
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            return string.Create(CultureInfo.InvariantCulture,
                $"{name,-12} {HostilePages.Bytes(name).Length,12:N0} {"not finished, stopped",-60} {$">{timeout.TotalSeconds:F0}",8} {"-",9}");
        }

        return output.Result.TrimEnd();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
