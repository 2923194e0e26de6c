using KazakhUnrest.Core.Stories;

namespace KazakhUnrest.Tests.Stories;

public sealed class ShingleSketchTests
{
    private static string Words(int from, int count) => string.Join(' ', Enumerable.Range(from, count).Select(i => $"word{i}"));

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(200)]
    public void The_shared_share_of_samples_is_near_the_true_containment(int offset)
    {
        var a = Shingling.Shingles(Words(0, 400));
        var b = Shingling.Shingles(Words(offset, 400));
        var truth = (double)a.Intersect(b).Count() / a.Length;
        var (sa, sb) = (ShingleSketch.Sample(a), ShingleSketch.Sample(b));
        Assert.InRange((double)ShingleSketch.Shared(sa, sb) / sa.Length, truth - 0.15, truth + 0.15);
    }

    [Fact]
    public void Furniture_lines_do_not_change_the_sketch()
    {
        const string body = "Security forces regained control of the airport on Thursday after a crowd overran it a day earlier.\n"
            + "At least eleven passenger jets remained on the apron while the terminal was looted by the crowd.";
        var furnished = "2 min read\nPublished 8 January 2022\n" + body + "\nRead more\nShare this article";
        Assert.Equal(ShingleSketch.Of(body), ShingleSketch.Of(furnished));
    }

    [Fact]
    public void Headline_and_caption_lines_do_not_change_the_sketch()
    {
        const string body = "Security forces regained control of the airport on Thursday after a crowd overran it a day earlier.\n"
            + "\"The terminal will stay closed until every room has been checked,\" the police chief told reporters.";
        var furnished = "Troops retake the airport as the crowd pulls back towards the city centre\n" + body
            + "\nSoldiers stand guard outside the empty terminal building in the early morning";
        Assert.Equal(ShingleSketch.Of(body), ShingleSketch.Of(furnished));
    }

    [Fact]
    public void A_text_without_stops_keeps_its_long_lines()
    {
        const string unpunctuated = "Security forces regained control of the airport on Thursday after a crowd overran it\n"
            + "The terminal will stay closed until every room has been checked by the police";
        Assert.Equal(ShingleSketch.Sample(Shingling.Shingles(unpunctuated)), ShingleSketch.Of(unpunctuated));
    }

    [Fact]
    public void An_article_whose_smallest_values_fill_their_buckets_is_posted_under_the_next_ones()
    {
        // Twelve stock values smaller than any of an article's own, shared by every article: the first two fill them.
        uint[] Sketch(uint own) => [.. Enumerable.Range(1, 12).Select(v => (uint)v), .. Enumerable.Range(0, 12).Select(v => own + (uint)v)];
        var index = new SketchIndex(maxBucket: 2);
        index.Add(1, Sketch(100));
        index.Add(2, Sketch(200));
        index.Add(3, Sketch(300));
        Assert.Equal(12, index.Candidates(Sketch(300)).GetValueOrDefault(3));
    }

    [Fact]
    public void Sketch_survives_a_round_trip_through_bytes_and_another_layout_reads_as_none()
    {
        var sketch = ShingleSketch.Of(Words(0, 300));
        Assert.NotEmpty(sketch);
        Assert.Equal(sketch, ShingleSketch.FromBytes(ShingleSketch.ToBytes(sketch)));
        // What the earlier layout (128 MinHash minima, no mark) stored: recomputed, never read as a sketch.
        Assert.Null(ShingleSketch.FromBytes(new byte[512]));
    }
}
