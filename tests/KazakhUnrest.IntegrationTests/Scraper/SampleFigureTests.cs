using KazakhUnrest.Core.Figures;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Cli;
using KazakhUnrest.Web.Figures;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Scraper;

/// <summary>The sample capture imported through the scraper, then read as the figures page reads it.</summary>
public sealed class SampleFigureTests(ScraperFixture scraper) : IClassFixture<ScraperFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        var samples = Path.Combine(ScraperFixture.RepoRoot, "samples");
        Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [Path.Combine(samples, "capture")], Path.Combine(samples, "outlets.json"),
            isSample: true, ifEmpty: true, CancellationToken.None));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_16_January_164_is_not_charted_as_a_fall_and_164_killed_is_not_set_against_16_security_forces()
    {
        await using var db = scraper.CreateContext();
        var killed = await FigureQueries.RowsAsync(db, FigureMeasures.Killed, CancellationToken.None);
        var retold = Assert.Single(killed.Rows, r => r.Low == 164 && r.PublishedAt > new DateTimeOffset(2022, 1, 15, 0, 0, 0, TimeSpan.Zero));
        Assert.True(retold.Background);
        Assert.Null(retold.ReferenceDay);
        Assert.Empty(retold.DisagreesWith);

        var national = killed.Rows.Where(r => r.Place is null).ToList();
        var chart = FigureChart.Build("killed", "people", "outlet", national, r => r.Outlet, _ => "#000");
        var points = chart.Lines.SelectMany(l => l.Points).ToList();
        Assert.DoesNotContain(points, p => p.Row.Id == retold.Id);
        // Each outlet's line never falls: the tolls only rose (164 on the 9th, 225 on the 15th).
        foreach (var line in chart.Lines)
        {
            var values = line.Points.Where(p => p.Row.Vague is null).Select(p => p.Row.Low!.Value).ToList();
            Assert.Equal(values.Order(), values);
        }

        var security = await FigureQueries.RowsAsync(db, FigureMeasures.KilledSecurityForces, CancellationToken.None);
        var sixteen = Assert.Single(security.Rows, r => r.Low == 16);
        Assert.Empty(sixteen.DisagreesWith);
        Assert.All(killed.Rows, r => Assert.DoesNotContain(sixteen.Id, r.DisagreesWith));
        // The 9 January conflict the sample is written to show stays: 164 against "dozens".
        Assert.Contains(killed.Rows, r => r.Low == 164 && r.DisagreesWith.Any(id => killed.ById[id].Vague == "dozens"));
        Assert.True(await db.ArticleFigures.AnyAsync(f => f.Place == "almaty" && f.Low == 103));
    }
}
