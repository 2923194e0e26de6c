using KazakhUnrest.Core.Data;
using KazakhUnrest.DevTools.Hostile;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Import;
using KazakhUnrest.Scraper.Pipeline;
using KazakhUnrest.Tests.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KazakhUnrest.IntegrationTests.Scraper;

/// <summary>
/// Issue 12's hostile pages imported in one batch with ordinary ones, with the default limits: each hostile page is stored
/// with its cut recorded on its capture or refused with the reason, and every ordinary page is stored.
/// </summary>
public sealed class HostileImportTests(ScraperFixture scraper) : IClassFixture<ScraperFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ku-hostile-").FullName;

    [Fact]
    public async Task Each_hostile_page_is_stored_with_its_cut_or_refused_with_the_reason_and_the_rest_of_the_batch_is_stored()
    {
        foreach (var name in HostilePages.Names)
        {
            await File.WriteAllBytesAsync(Path.Combine(_folder, HostilePages.FileName(name)), HostilePages.Bytes(name));
        }

        for (var i = 1; i <= 3; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(_folder, $"normal-{i}.html"), HostilePages.Normal(i));
        }

        // A WARC whose middle record is the 50 MB page: passed over, the records around it stored.
        await File.WriteAllBytesAsync(Path.Combine(_folder, "crawl.warc"), System.Text.Encoding.Latin1.GetBytes(string.Concat(
            WarcFiles.Record("response", "https://wire.example/before", WarcFiles.Http(200, "text/html", HostilePages.Normal(4))),
            WarcFiles.Record("response", "https://wire.example/huge", WarcFiles.Http(200, "text/html", HostilePages.Text("page-50mb"))),
            WarcFiles.Record("response", "https://wire.example/after", WarcFiles.Http(200, "text/html", HostilePages.Normal(5))))));

        var result = await scraper.Services.GetRequiredService<Importer>()
            .ImportAsync(CaptureFiles.Find([_folder]), isSample: false, sourceId: null, onFile: null, CancellationToken.None);

        Assert.Equal(HostilePages.Names.Count + 4, result.Files);
        Assert.Equal(1, result.FailedFiles);
        Assert.Equal(2, result.Refused.Count);
        Assert.Contains(result.Refused, r => r.StartsWith("page-50mb.html: too large: the file is 52,4", StringComparison.Ordinal)
            && r.Contains("over the 20,971,520-byte limit for an imported file", StringComparison.Ordinal));
        Assert.Contains(result.Refused, r => r.StartsWith("crawl.warc: response record for https://wire.example/huge", StringComparison.Ordinal)
            && r.Contains("over the 20,971,520-byte cap", StringComparison.Ordinal));

        await using var db = scraper.CreateContext();
        var articles = await db.Articles.AsNoTracking().Include(a => a.Capture).ToListAsync();
        var byFile = articles.Where(a => a.CanonicalUrl.StartsWith("capture:///", StringComparison.Ordinal))
            .ToDictionary(a => a.CanonicalUrl["capture:///".Length..]);

        foreach (var normal in new[] { "normal-1.html", "normal-2.html", "normal-3.html" })
        {
            Assert.Null(byFile[normal].Capture!.Cuts);
            Assert.StartsWith("Ordinary report", byFile[normal].Title, StringComparison.Ordinal);
        }

        Assert.Equal(["https://wire.example/after", "https://wire.example/before"],
            articles.Select(a => a.CanonicalUrl).Where(u => u.StartsWith("https://wire.example/", StringComparison.Ordinal)).Order());
        Assert.DoesNotContain("page-50mb.html", byFile.Keys);

        Assert.Contains("deeper than 512 levels (down to 40,00", byFile["nested-40k.html"].Capture!.Cuts, StringComparison.Ordinal);
        Assert.Contains("deeper than 512 levels (down to 80,00", byFile["nested-80k.html"].Capture!.Cuts, StringComparison.Ordinal);
        // 200,000 divs also pass the element limit, which cuts the page first.
        Assert.Contains("deeper than 512 levels (down to 99,99", byFile["nested-200k.html"].Capture!.Cuts, StringComparison.Ordinal);
        Assert.Contains("page cut after 100,000 elements", byFile["nested-200k.html"].Capture!.Cuts, StringComparison.Ordinal);
        Assert.Contains("page cut after 100,000 elements", byFile["elements-1m.html"].Capture!.Cuts, StringComparison.Ordinal);
        var title = byFile["title-5m.html"];
        Assert.Contains("title cut to 1,000 of 5,000,000 characters", title.Capture!.Cuts, StringComparison.Ordinal);
        Assert.Equal(1_000, title.Title.Length);
        Assert.Contains("control characters (NUL and the like) removed", byFile["nuls-text.txt"].Capture!.Cuts, StringComparison.Ordinal);
        foreach (var name in HostilePages.Names.Where(n => n != "page-50mb"))
        {
            var article = byFile[HostilePages.FileName(name)];
            Assert.Contains("120", article.Text, StringComparison.Ordinal);
            Assert.DoesNotContain('\0', article.Text);
            Assert.DoesNotContain('\0', article.Title);
        }
    }

    [Fact]
    public async Task An_extraction_past_its_budget_is_refused_and_told_to_stop()
    {
        var clock = new FakeTimeProvider();
        var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = ExtractBudget.RunAsync(stop =>
        {
            // Stands for a page the limits missed: it runs until it is told to stop.
            stopped.SetResult(stop.WaitHandle.WaitOne(TimeSpan.FromMinutes(1)));
            stop.ThrowIfCancellationRequested();
            return 0;
        }, TimeSpan.FromSeconds(60), clock, CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(running.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        var refused = await Assert.ThrowsAsync<IngestException>(() => running);
        Assert.Equal("extraction took longer than its budget of 60 s (Ingest:ExtractTimeBudget)", refused.Message);
        Assert.True(await stopped.Task);
    }

    [Fact]
    public async Task Work_that_reads_its_token_only_after_the_budget_was_spent_still_sees_the_stop()
    {
        // On a busy thread pool the work may start, or first look at its token, after the budget already gave up on
        // it; the token must still say "stop" then (it once threw ObjectDisposedException and the work never heard).
        var clock = new FakeTimeProvider();
        var late = new ManualResetEventSlim();
        var heard = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = ExtractBudget.RunAsync(stop =>
        {
            late.Wait();
            try
            {
                heard.SetResult(stop.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)));
            }
            catch (Exception e)
            {
                heard.SetException(e);
            }

            return 0;
        }, TimeSpan.FromSeconds(60), clock, CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(60));
        await Assert.ThrowsAsync<IngestException>(() => running);
        late.Set();

        Assert.True(await heard.Task.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task An_extraction_that_throws_is_refused_with_the_reason()
    {
        var refused = await Assert.ThrowsAsync<IngestException>(() => ExtractBudget.RunAsync<int>(
            _ => throw new InvalidOperationException("Sequence contains no elements"), TimeSpan.FromSeconds(60), new FakeTimeProvider(), CancellationToken.None));

        Assert.Equal("extraction failed: InvalidOperationException: Sequence contains no elements", refused.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
