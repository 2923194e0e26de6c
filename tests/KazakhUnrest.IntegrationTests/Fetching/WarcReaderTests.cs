using System.IO.Compression;
using System.Text;
using KazakhUnrest.Scraper.Sources;

namespace KazakhUnrest.IntegrationTests.Fetching;

public sealed class WarcReaderTests
{
    private const string Page = "<html><body><h1>Протесты в Жанаозене</h1></body></html>";

    [Fact]
    public void Response_records_are_read_from_a_multi_member_warc_gz_and_the_truncated_tail_is_reported()
    {
        var warc = Gzip(
            Record("warcinfo", null, "software: test\r\n"),
            Record("request", "https://news.example.kz/a", "GET /a HTTP/1.1\r\nHost: news.example.kz\r\n\r\n"),
            Record("response", "https://news.example.kz/a", ChunkedGzipResponse(Page)),
            Record("metadata", "https://news.example.kz/a", "outlinks: https://news.example.kz/b\r\n"),
            Record("response", "https://news.example.kz/b", Http(404, "text/plain", "missing")),
            Truncated("response", "https://news.example.kz/c"));
        var skipped = new List<string>();
        var read = new List<WarcResponse>();

        var error = Assert.Throws<WarcFormatException>(() =>
        {
            foreach (var response in WarcReader.Read(new MemoryStream(warc), onSkipped: skipped.Add))
            {
                read.Add(response);
            }
        });

        Assert.Equal(2, read.Count);
        var first = read[0];
        Assert.Equal(new Uri("https://news.example.kz/a"), first.TargetUri);
        Assert.Equal(new DateTimeOffset(2022, 1, 5, 12, 0, 0, TimeSpan.Zero), first.Date);
        Assert.Equal(200, first.StatusCode);
        Assert.Equal("text/html; charset=utf-8", first.ContentType);
        Assert.Equal(Page, first.DecodeText());
        Assert.Equal(404, read[1].StatusCode);
        Assert.Equal("missing", read[1].DecodeText());
        Assert.Contains("truncated", error.Message);
        Assert.Empty(skipped);
    }

    [Fact]
    public void A_gzip_file_cut_mid_member_ends_in_a_format_error_after_the_good_records()
    {
        var good = Gzip(Record("response", "https://news.example.kz/a", Http(200, "text/html", Page)));
        var next = Gzip(Record("response", "https://news.example.kz/b", Http(200, "text/html", Page + new string('x', 4000))));
        var warc = good.Concat(next[..(next.Length / 2)]).ToArray();
        var read = new List<WarcResponse>();

        Assert.Throws<WarcFormatException>(() => read.AddRange(WarcReader.Read(new MemoryStream(warc))));

        Assert.Equal(new Uri("https://news.example.kz/a"), Assert.Single(read).TargetUri);
    }

    [Fact]
    public void Plain_warc_with_an_oversized_record_skips_it_and_says_so()
    {
        var warc = Encoding.Latin1.GetBytes(
            Record("response", "https://news.example.kz/big", Http(200, "text/html", new string('x', 10_000)))
            + Record("response", "https://news.example.kz/small", Http(200, "text/html", Page)));
        var skipped = new List<string>();

        var read = WarcReader.Read(new MemoryStream(warc), maxRecordBytes: 5_000, onSkipped: skipped.Add).ToList();

        Assert.Equal(new Uri("https://news.example.kz/small"), Assert.Single(read).TargetUri);
        Assert.Contains("over the 5,000-byte cap", Assert.Single(skipped));
    }

    [Fact]
    public void A_file_that_is_not_warc_is_rejected()
    {
        var error = Assert.Throws<WarcFormatException>(() => WarcReader.Read(new MemoryStream("<html></html>"u8.ToArray())).ToList());

        Assert.Contains("expected a WARC record header", error.Message);
    }

    internal static string Record(string type, string? target, string block) =>
        Record(type, target, Encoding.Latin1.GetBytes(block));

    private static string Record(string type, string? target, byte[] block, int? announcedLength = null)
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

    private static string Truncated(string type, string target)
    {
        var full = Record(type, target, Encoding.Latin1.GetBytes(Http(200, "text/html", Page)), announcedLength: 10_000);
        return full[..^4];
    }

    internal static string Http(int status, string contentType, string body) =>
        Encoding.Latin1.GetString(Encoding.UTF8.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\n\r\n{body}"));

    private static byte[] ChunkedGzipResponse(string html)
    {
        var compressed = FetchContentTests.Compress(Encoding.UTF8.GetBytes(html), "gzip");
        using var block = new MemoryStream();
        block.Write("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"u8);
        foreach (var chunk in compressed.Chunk(20))
        {
            block.Write(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
            block.Write(chunk);
            block.Write("\r\n"u8);
        }

        block.Write("0\r\n\r\n"u8);
        return block.ToArray();
    }

    /// <summary>One gzip member per record, as crawlers write .warc.gz.</summary>
    internal static byte[] Gzip(params string[] records) =>
        records.SelectMany(r => FetchContentTests.Compress(Encoding.Latin1.GetBytes(r), "gzip")).ToArray();
}
