using System.Text;
using KazakhUnrest.Scraper.Sources;

namespace KazakhUnrest.Tests.Sources;

public sealed class WarcReaderTests
{
    private const string Page = "<html><body><h1>Протесты в Жанаозене</h1></body></html>";

    [Fact]
    public void Response_records_are_read_from_a_multi_member_warc_gz_and_the_truncated_tail_is_reported()
    {
        var warc = WarcFiles.Gzip(
            WarcFiles.Record("warcinfo", null, "software: test\r\n"),
            WarcFiles.Record("request", "https://news.example.kz/a", "GET /a HTTP/1.1\r\nHost: news.example.kz\r\n\r\n"),
            WarcFiles.Record("response", "https://news.example.kz/a", ChunkedGzipResponse(Page)),
            WarcFiles.Record("metadata", "https://news.example.kz/a", "outlinks: https://news.example.kz/b\r\n"),
            WarcFiles.Record("response", "https://news.example.kz/b", WarcFiles.Http(404, "text/plain", "missing")),
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
        var good = WarcFiles.Gzip(WarcFiles.Record("response", "https://news.example.kz/a", WarcFiles.Http(200, "text/html", Page)));
        var next = WarcFiles.Gzip(WarcFiles.Record("response", "https://news.example.kz/b", WarcFiles.Http(200, "text/html", Page + new string('x', 4000))));
        var warc = good.Concat(next[..(next.Length / 2)]).ToArray();
        var read = new List<WarcResponse>();

        Assert.Throws<WarcFormatException>(() => read.AddRange(WarcReader.Read(new MemoryStream(warc))));

        Assert.Equal(new Uri("https://news.example.kz/a"), Assert.Single(read).TargetUri);
    }

    [Fact]
    public void Plain_warc_with_an_oversized_record_skips_it_and_says_so()
    {
        var warc = Encoding.Latin1.GetBytes(
            WarcFiles.Record("response", "https://news.example.kz/big", WarcFiles.Http(200, "text/html", new string('x', 10_000)))
            + WarcFiles.Record("response", "https://news.example.kz/small", WarcFiles.Http(200, "text/html", Page)));
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

    private static string Truncated(string type, string target)
    {
        var full = WarcFiles.Record(type, target, Encoding.Latin1.GetBytes(WarcFiles.Http(200, "text/html", Page)), announcedLength: 10_000);
        return full[..^4];
    }

    private static byte[] ChunkedGzipResponse(string html)
    {
        var compressed = Compression.Compress(Encoding.UTF8.GetBytes(html), "gzip");
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
}
