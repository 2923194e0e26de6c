namespace KazakhUnrest.DevTools.Scoring;

public readonly record struct PrecisionRecall(double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Scores of predicted clusters against gold labels.</summary>
public static class Evaluation
{
    /// <summary>
    /// B-cubed precision and recall: for each item, the share of its predicted cluster that shares its gold label,
    /// and the share of its gold cluster that it was clustered with; averaged over the items present in both maps.
    /// </summary>
    public static PrecisionRecall BCubed<TItem, TGold, TPredicted>(IReadOnlyDictionary<TItem, TGold> gold,
        IReadOnlyDictionary<TItem, TPredicted> predicted)
        where TItem : notnull where TGold : notnull where TPredicted : notnull
    {
        var items = gold.Keys.Where(predicted.ContainsKey).ToList();
        if (items.Count == 0)
        {
            return new PrecisionRecall(0, 0);
        }

        var pairCounts = items.GroupBy(i => (gold[i], predicted[i])).ToDictionary(g => g.Key, g => g.Count());
        var goldSizes = items.GroupBy(i => gold[i]).ToDictionary(g => g.Key, g => g.Count());
        var predictedSizes = items.GroupBy(i => predicted[i]).ToDictionary(g => g.Key, g => g.Count());
        double precision = 0, recall = 0;
        foreach (var item in items)
        {
            var both = pairCounts[(gold[item], predicted[item])];
            precision += (double)both / predictedSizes[predicted[item]];
            recall += (double)both / goldSizes[gold[item]];
        }

        return new PrecisionRecall(precision / items.Count, recall / items.Count);
    }

    /// <summary>
    /// Pairwise precision and recall of duplicate groups: every two articles in one group form a pair.
    /// A map gives each article its group's representative (articles absent from a map are alone).
    /// </summary>
    public static PrecisionRecall DuplicatePairs(IReadOnlyDictionary<long, long> goldGroup, IReadOnlyDictionary<long, long> predictedGroup)
    {
        var goldPairs = Pairs(goldGroup);
        var predictedPairs = Pairs(predictedGroup);
        var common = predictedPairs.Count(goldPairs.Contains);
        return new PrecisionRecall(
            predictedPairs.Count == 0 ? 1 : (double)common / predictedPairs.Count,
            goldPairs.Count == 0 ? 1 : (double)common / goldPairs.Count);
    }

    private static HashSet<(long, long)> Pairs(IReadOnlyDictionary<long, long> group)
    {
        var pairs = new HashSet<(long, long)>();
        foreach (var members in group.GroupBy(kv => kv.Value, kv => kv.Key))
        {
            var sorted = members.Order().ToList();
            for (var i = 0; i < sorted.Count; i++)
            {
                for (var j = i + 1; j < sorted.Count; j++)
                {
                    pairs.Add((sorted[i], sorted[j]));
                }
            }
        }

        return pairs;
    }
}
