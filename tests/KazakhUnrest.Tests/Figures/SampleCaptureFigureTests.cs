using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Figures;
using KazakhUnrest.Tests.Relevance;

namespace KazakhUnrest.Tests.Figures;

/// <summary>
/// The tracker over the project's own sample capture (samples/capture), read as the figures step reads it (headline
/// with the body) and compared as the figures page compares it.
/// </summary>
public sealed class SampleCaptureFigureTests
{
    private sealed record Read(string File, Figure Figure, FigureClaim Claim);

    private static readonly Lazy<List<Read>> All = new(Load);

    private static List<Read> Load()
    {
        var read = new List<Read>();
        long id = 0;
        foreach (var file in SampleCapture.Names)
        {
            foreach (var article in SampleCapture.Page(file).Articles)
            {
                var text = (article.Title ?? "") + "\n\n" + article.Text;
                var day = article.Published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : (DateOnly?)null;
                var articleId = ++id * 1000;
                foreach (var f in FigureExtractor.Extract(text, EntityMatcher.Seed.Find(text), day))
                {
                    var outlet = file.Split('-')[1];
                    read.Add(new Read(file, f, new FigureClaim(++id, articleId, f.Measure, f.Low, f.High, f.Qualifier, f.Vague, f.Unit, f.Change,
                        f.AttributedTo, outlet, FigureTracks.ReferenceDay(f.Date, article.Published, null, f.Background),
                        article.Published ?? DateTimeOffset.MinValue, f.Place, f.Background)));
                }
            }
        }
        return read;
    }

    private static IEnumerable<Read> In(string prefix) => All.Value.Where(r => r.File.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void The_withdrawn_164_in_the_16_January_report_is_background_not_a_fall_from_225()
    {
        var retold = Assert.Single(In("048-"), r => r.Figure.Low == 164);
        Assert.True(retold.Figure.Background);
        Assert.Equal(FigureMeasures.Killed, retold.Figure.Measure);
        Assert.Contains("164", retold.Figure.Sentence);
        Assert.Null(retold.Claim.Day);

        // What the chart draws (not background, with a day): after 225 on 15 January no toll of all the dead falls.
        var tracks = FigureTracks.Mark(All.Value.Select(r => r.Claim));
        Assert.False(tracks.ContainsKey(retold.Claim.Id));
        var plotted = All.Value.Where(r => r.Claim is { Background: false, Day: not null, Measure: FigureMeasures.Killed, Place: null }).ToList();
        Assert.Contains(plotted, r => r.Figure.Low == 225 && r.Claim.Day == new DateOnly(2022, 1, 15));
        Assert.DoesNotContain(plotted, r => r.Claim.Day > new DateOnly(2022, 1, 15) && r.Figure.Low < 225);
        Assert.DoesNotContain(tracks.Values, t => t.Direction == RevisionDirection.Down);
    }

    [Fact]
    public void The_164_killed_is_not_set_against_16_security_forces_killed_but_still_against_dozens()
    {
        var tracks = FigureTracks.Mark(All.Value.Select(r => r.Claim));
        var security = Assert.Single(In("030-"), r => r.Figure.Measure == FigureMeasures.KilledSecurityForces);
        Assert.Equal(16, security.Figure.Low);
        var tolls = In("028-").Where(r => r.Figure.Low == 164).ToList();
        Assert.NotEmpty(tolls);
        Assert.All(tolls, t => Assert.Equal(FigureMeasures.Killed, t.Figure.Measure));
        Assert.All(tolls, t => Assert.DoesNotContain(security.Claim.Id, tracks[t.Claim.Id].DisagreesWith));
        Assert.Empty(tracks[security.Claim.Id].DisagreesWith);

        // The labelled conflict of 9 January stays: the health ministry's 164 against the interior ministry's "dozens".
        var dozens = In("030-").Where(r => r.Figure.Vague == "dozens").Select(r => r.Claim.Id).ToList();
        Assert.Contains(tolls, t => tracks[t.Claim.Id].DisagreesWith.Intersect(dozens).Any());

        // "103 died in Almaty" is a part of the 164, not a third toll.
        var almaty = Assert.Single(In("028-"), r => r.Figure.Low == 103);
        Assert.Equal(("almaty", FigureMeasures.Killed), (almaty.Figure.Place, almaty.Figure.Measure));
        Assert.Empty(tracks[almaty.Claim.Id].DisagreesWith);
    }
}
