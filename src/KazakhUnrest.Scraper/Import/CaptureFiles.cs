using KazakhUnrest.Core.Data;
using KazakhUnrest.Scraper.Fetching;
using KazakhUnrest.Scraper.Pipeline;

namespace KazakhUnrest.Scraper.Import;

/// <summary>Finds importable files under the given paths and reads them as raw captures.</summary>
public static class CaptureFiles
{
    public static bool IsImportable(string path) => KindOf(path) is not null;

    /// <summary>Files in a stable order (so progress and logs are reproducible), each with the root it was found under.</summary>
    public static IReadOnlyList<(string File, string Root)> Find(IEnumerable<string> paths)
    {
        var found = new List<(string, string)>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                found.Add((Path.GetFullPath(path), Path.GetDirectoryName(Path.GetFullPath(path))!));
            }
            else if (Directory.Exists(path))
            {
                var root = Path.GetFullPath(path);
                found.AddRange(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                    .Where(IsImportable)
                    .Order(StringComparer.Ordinal)
                    .Select(f => (f, root)));
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {path}", path);
            }
        }

        return found;
    }

    /// <summary>One capture for an HTML or text file. WARC files hold many and are read by the WARC reader.</summary>
    /// <exception cref="BodyTooLargeException">The file is larger than <paramref name="maxBytes"/> (it is not read).</exception>
    public static RawCapture Read(string file, string root, DateTimeOffset importedAt, long maxBytes)
    {
        var origin = KindOf(file) ?? throw new IngestException($"{file}: not an .html, .htm, .txt, .warc or .warc.gz file");
        var length = new FileInfo(file).Length;
        if (length > maxBytes)
        {
            throw new BodyTooLargeException($"too large: the file is {length:N0} bytes, over the {maxBytes:N0}-byte limit for an imported file (Ingest:MaxFileBytes)");
        }

        var bytes = File.ReadAllBytes(file);
        var contentType = origin == CaptureOrigin.TextFile ? "text/plain" : "text/html";
        return new RawCapture(FileUrl(file, root), bytes, origin, importedAt, contentType, OriginDetail: Path.GetFileName(file));
    }

    internal static CaptureOrigin? KindOf(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name switch
        {
            _ when name.EndsWith(".html", StringComparison.Ordinal) || name.EndsWith(".htm", StringComparison.Ordinal) => CaptureOrigin.HtmlFile,
            _ when name.EndsWith(".txt", StringComparison.Ordinal) => CaptureOrigin.TextFile,
            _ when name.EndsWith(".warc", StringComparison.Ordinal) || name.EndsWith(".warc.gz", StringComparison.Ordinal) => CaptureOrigin.Warc,
            _ => null,
        };
    }

    /// <summary>
    /// A file has no web address of its own; this stands in until the page names its canonical URL,
    /// and keeps a re-import of the same file idempotent.
    /// </summary>
    internal static Uri FileUrl(string file, string root)
    {
        var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
        return new Uri("capture:///" + string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)));
    }
}
