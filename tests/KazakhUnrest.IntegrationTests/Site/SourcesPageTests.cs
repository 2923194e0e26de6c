using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;

namespace KazakhUnrest.IntegrationTests.Site;

public sealed class SourcesPageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Status_page_lists_each_source_with_last_run_counts_next_run_and_error()
    {
        await using (var db = site.CreateContext())
        {
            var ran = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
            db.Sources.AddRange(
                new Source
                {
                    Name = "Healthy feed",
                    Kind = SourceKind.Feed,
                    Location = "https://ok.example/rss",
                    CreatedAt = ran,
                    LastRunAt = ran,
                    LastSuccessAt = ran,
                    LastNewCount = 7,
                    LastUpdatedCount = 1,
                    LastUnchangedCount = 12,
                    NextCheckAt = ran.AddMinutes(30),
                },
                new Source
                {
                    Name = "Broken feed",
                    Kind = SourceKind.Feed,
                    Location = "https://down.example/rss",
                    CreatedAt = ran,
                    LastRunAt = ran,
                    ConsecutiveErrors = 3,
                    LastError = "NotFound: HTTP 404 from https://down.example/rss",
                    LastErrorAt = ran,
                    NextCheckAt = ran.AddMinutes(20),
                });
            await db.SaveChangesAsync();
        }

        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/sources");
        Assert.Contains("2 sources, 1 failing", html);
        Assert.Contains("Healthy feed", html);
        Assert.Contains("7 / 1 / 12", html);
        Assert.Contains("2026-11-20 10:30 UTC", html);
        Assert.Contains("3 in a row:", html);
        Assert.Contains("NotFound: HTTP 404", html);
        // Failing sources come first.
        Assert.True(html.IndexOf("Broken feed", StringComparison.Ordinal) < html.IndexOf("Healthy feed", StringComparison.Ordinal));
    }
}
