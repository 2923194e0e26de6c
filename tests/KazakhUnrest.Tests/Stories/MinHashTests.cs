using KazakhUnrest.Core.Stories;

namespace KazakhUnrest.Tests.Stories;

public sealed class MinHashTests
{
    private static string Words(int from, int count) => string.Join(' ', Enumerable.Range(from, count).Select(i => $"word{i}"));

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(100)]
    [InlineData(150)]
    public void Estimated_similarity_is_near_the_true_jaccard(int offset)
    {
        var a = Shingling.Shingles(Words(0, 200));
        var b = Shingling.Shingles(Words(offset, 200));
        var estimate = MinHash.Similarity(MinHash.Signature(a), MinHash.Signature(b));
        Assert.InRange(estimate, Shingling.Jaccard(a, b) - 0.1, Shingling.Jaccard(a, b) + 0.1);
    }

    [Fact]
    public void Signature_survives_a_round_trip_through_bytes()
    {
        var signature = MinHash.Signature("The CSTO force began withdrawing from Kazakhstan on Thursday.");
        var bytes = MinHash.ToBytes(signature);
        Assert.Equal(MinHash.Size * 4, bytes.Length);
        Assert.Equal(signature, MinHash.FromBytes(bytes));
    }
}
