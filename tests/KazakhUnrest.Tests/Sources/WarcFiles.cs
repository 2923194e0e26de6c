using System.Text;

namespace KazakhUnrest.Tests.Sources;

/// <summary>Builds WARC files record by record; also compiled into the integration tests (WARC import).</summary>
internal static class WarcFiles
{
    public static string Record(string type, string? target, string block) =>
        Record(type, target, Encoding.Latin1.GetBytes(block));

    /// <param name="announcedLength">A Content-Length other than the block's, to make a truncated record.</param>
    public static string Record(string type, string? target, byte[] block, int? announcedLength = null)
    {
        var header = new StringBuilder("WARC/1.1\r\n")
            .Append($"WARC-Type: {type}\r\n")
            .Append("WARC-Date: 2022-01-05T12:00:00Z\r\n")
            .Append($"WARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\n");
        if (target is not null)
        {
            header.Append($"WARC-Target-URI: {target}\r\n");
        }

        header.Append($"Content-Length: {announcedLength ?? block.Length}\r\n\r\n");
        return header + Encoding.Latin1.GetString(block) + "\r\n\r\n";
    }

    /// <summary>An HTTP response as a WARC response block holds it (UTF-8 body, carried as Latin-1 text).</summary>
    public static string Http(int status, string contentType, string body) =>
        Encoding.Latin1.GetString(Encoding.UTF8.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\n\r\n{body}"));

    /// <summary>One gzip member per record, as crawlers write .warc.gz.</summary>
    public static byte[] Gzip(params string[] records) =>
        records.SelectMany(r => Compression.Compress(Encoding.Latin1.GetBytes(r), "gzip")).ToArray();
}
