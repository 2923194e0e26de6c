using System.Globalization;
using System.IO.Compression;
using System.Text;
using KazakhUnrest.Core.Stories;

namespace KazakhUnrest.DevTools.Generate;

/// <summary>
/// Writes articles.warc.gz: a warcinfo record, then one WARC/1.1 response record per article, each its own
/// gzip member (so a reader can seek to a record), with record ids derived from the URL to stay deterministic.
/// </summary>
public static class WarcOutput
{
    public static void Write(GeneratedCorpus corpus, Stream stream)
    {
        WriteRecord(stream, "warcinfo", null, new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero), "application/warc-fields",
            Encoding.UTF8.GetBytes("software: KazakhUnrest.DevTools generate\r\nformat: WARC File Format 1.1\r\n"));
        var articles = corpus.Articles;
        for (var i = 0; i < articles.Count; i++)
        {
            var related = articles.Skip(Math.Max(0, i - 3)).Take(3).Where(a => a != articles[i]).ToList();
            var body = Encoding.UTF8.GetBytes(HtmlPage.Render(articles[i], related));
            var http = Encoding.ASCII.GetBytes(
                $"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n");
            WriteRecord(stream, "response", articles[i].Url, articles[i].Published, "application/http; msgtype=response", [.. http, .. body]);
        }
    }

    private static void WriteRecord(Stream stream, string type, string? target, DateTimeOffset date, string contentType, byte[] block)
    {
        var header = new StringBuilder()
            .Append("WARC/1.1\r\n")
            .Append($"WARC-Type: {type}\r\n")
            .Append($"WARC-Record-ID: <urn:uuid:{RecordId(target ?? type)}>\r\n")
            .Append(CultureInfo.InvariantCulture, $"WARC-Date: {date.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\r\n");
        if (target is not null)
        {
            header.Append($"WARC-Target-URI: {target}\r\n");
        }

        header.Append($"Content-Type: {contentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {block.Length}\r\n\r\n");
        using var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
        gzip.Write(Encoding.ASCII.GetBytes(header.ToString()));
        gzip.Write(block);
        gzip.Write("\r\n\r\n"u8);
    }

    private static Guid RecordId(string key)
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), Fnv1a.Mix(Fnv1a.Hash(key)));
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 8), Fnv1a.Mix(Fnv1a.Hash(key) ^ 0x5741524355554944UL));
        return new Guid(bytes);
    }
}
