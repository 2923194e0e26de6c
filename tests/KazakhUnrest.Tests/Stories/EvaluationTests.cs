using KazakhUnrest.DevTools.Scoring;

namespace KazakhUnrest.Tests.Stories;

public sealed class EvaluationTests
{
    [Fact]
    public void BCubed_of_a_perfect_clustering_is_one_and_of_one_merge_is_lower_precision()
    {
        var gold = new Dictionary<int, string> { [1] = "a", [2] = "a", [3] = "b", [4] = "b" };
        var perfect = new Dictionary<int, long> { [1] = 7, [2] = 7, [3] = 8, [4] = 8 };
        Assert.Equal(new PrecisionRecall(1, 1), Evaluation.BCubed(gold, perfect));
        var merged = new Dictionary<int, long> { [1] = 7, [2] = 7, [3] = 7, [4] = 7 };
        var score = Evaluation.BCubed(gold, merged);
        Assert.Equal(0.5, score.Precision, 6);
        Assert.Equal(1, score.Recall, 6);
    }

    [Fact]
    public void Duplicate_pairs_count_every_two_members_of_a_group()
    {
        var gold = new Dictionary<long, long> { [1] = 1, [2] = 1, [3] = 1, [4] = 4 };
        var predicted = new Dictionary<long, long> { [1] = 1, [2] = 1, [3] = 3, [4] = 1 };
        var score = Evaluation.DuplicatePairs(gold, predicted);
        Assert.Equal(1.0 / 3, score.Precision, 6);
        Assert.Equal(1.0 / 3, score.Recall, 6);
    }
}
