using KazakhUnrest.Core.Captures;
using KazakhUnrest.Core.Data;

namespace KazakhUnrest.Tests.Data;

public sealed class NamingTests
{
    [Theory]
    [InlineData("Articles", "articles")]
    [InlineData("CanonicalUrl", "canonical_url")]
    [InlineData("ETag", "e_tag")]
    [InlineData("ArticleRevisions", "article_revisions")]
    [InlineData("FK_Articles_Outlets_OutletId", "fk_articles_outlets_outlet_id")]
    public void Names_become_snake_case(string name, string expected) => Assert.Equal(expected, KazakhDbContext.SnakeCase(name));

    [Fact]
    public void Capture_bodies_round_trip_through_compression()
    {
        var raw = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Алматы, 5 January 2022</p>", 200)));
        var packed = CaptureBody.Compress(raw);
        Assert.True(packed.Length < raw.Length / 10);
        Assert.Equal(raw, CaptureBody.Decompress(packed));
        Assert.Equal(64, CaptureBody.Hash(raw).Length);
    }
}
