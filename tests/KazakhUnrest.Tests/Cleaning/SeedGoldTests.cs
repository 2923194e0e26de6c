using System.Globalization;
using KazakhUnrest.Core.Data;

namespace KazakhUnrest.Tests.Cleaning;

/// <summary>Every annotated segment of the seed captures, checked against its hand annotation (one case per segment and check).</summary>
public sealed class SeedGoldTests
{
    /// <summary>The annotation gives the first words of a body; a body that opens on a quotation keeps its mark.</summary>
    private static readonly char[] OpeningQuotes = ['"', '“', '‘', '«', '\''];

    [Theory]
    [MemberData(nameof(SeedCorpus.Documents), MemberType = typeof(SeedCorpus))]
    public void Each_document_splits_into_its_annotated_segments(string document)
    {
        var segments = SeedCorpus.Segments.Where(segment => segment.Id.StartsWith(document, StringComparison.Ordinal)).ToList();
        Assert.Equal(segments[0].CountInDocument, segments[0].Page.Articles.Count);
        Assert.Equal(
            segments.Count > 1 ? Enumerable.Range(1, segments.Count) : [0],
            segments[0].Page.Articles.Select(article => article.Segment));
    }

    [Theory]
    [MemberData(nameof(SeedCorpus.SegmentIds), MemberType = typeof(SeedCorpus))]
    public void Body_starts_and_ends_where_annotated(string id)
    {
        var segment = Found(id);
        Assert.StartsWith(segment.Text("starts")!, segment.Article.Text.TrimStart(OpeningQuotes), StringComparison.Ordinal);
        Assert.EndsWith(segment.Text("ends")!, segment.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_annotation_gives_the_furniture_and_heading_checks_something_to_check()
    {
        // The two theories below pass for a segment without such annotations; some segment must have them.
        Assert.Contains(SeedCorpus.Segments, segment => segment.Strings("must_drop").Count > 0);
        Assert.Contains(SeedCorpus.Segments, segment => segment.Strings("section_headings").Count > 0);
    }

    [Theory]
    [MemberData(nameof(SeedCorpus.SegmentIds), MemberType = typeof(SeedCorpus))]
    public void No_furniture_reaches_the_stored_text(string id)
    {
        var segment = Found(id);
        var stored = string.Join("\n", segment.Article.Title, segment.Article.Standfirst, segment.Article.Text);
        Assert.All(segment.Strings("must_drop"), furniture => Assert.DoesNotContain(furniture, stored, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SeedCorpus.SegmentIds), MemberType = typeof(SeedCorpus))]
    public void Section_headings_are_kept_as_headings(string id)
    {
        var segment = Found(id);
        var headings = segment.Article.Blocks.Where(block => block.Kind == BodyBlockKind.Heading).Select(block => block.Text).ToList();
        Assert.All(segment.Strings("section_headings"), heading => Assert.Contains(heading, headings));
    }

    [Theory]
    [MemberData(nameof(SeedCorpus.SegmentIds), MemberType = typeof(SeedCorpus))]
    public void No_paragraph_is_stored_twice(string id)
    {
        var segment = Found(id);
        var paragraphs = segment.Article.Blocks.Where(block => block.Kind == BodyBlockKind.Paragraph).Select(block => block.Text).ToList();
        Assert.Equal(paragraphs.Count, paragraphs.Distinct().Count());
        if (segment.Gold.TryGetProperty("body_paragraphs_once", out var once))
        {
            Assert.Equal(once.GetInt32(), paragraphs.Count);
        }
    }

    [Theory]
    [MemberData(nameof(SeedCorpus.SegmentIds), MemberType = typeof(SeedCorpus))]
    public void Title_and_standfirst_match_the_annotation(string id)
    {
        var segment = Found(id);
        Assert.Equal(segment.Text("title"), segment.Article.Title);
        if (segment.Text("standfirst") is { } standfirst)
        {
            Assert.Equal(standfirst, segment.Article.Standfirst);
        }
    }

    [Theory]
    [MemberData(nameof(SeedCorpus.SegmentIds), MemberType = typeof(SeedCorpus))]
    public void Dateline_names_the_annotated_place(string id)
    {
        var segment = Found(id);
        if (segment.Text("dateline") is { } dateline)
        {
            Assert.Contains(dateline, segment.Article.Dateline ?? "", StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(SeedCorpus.SegmentIds), MemberType = typeof(SeedCorpus))]
    public void Published_date_is_one_the_annotation_accepts(string id)
    {
        var segment = Found(id);
        var published = segment.Gold.GetProperty("published");
        var accepted = published.GetProperty("dates").EnumerateArray().Select(date => date.GetString()).ToList();
        var article = segment.Article;
        if (published.GetProperty("explicit").GetBoolean())
        {
            Assert.NotNull(article.Published);
            Assert.False(article.PublishedInferred);
        }
        if (article.Published is { } date)
        {
            Assert.Contains(date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), accepted);
        }
    }

    private static GoldSegment Found(string id)
    {
        var segment = SeedCorpus.Segment(id);
        Assert.True(segment.Index < segment.Page.Articles.Count, $"segment {id} missing: page has {segment.Page.Articles.Count} articles");
        return segment;
    }
}
