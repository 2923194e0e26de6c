namespace KazakhUnrest.DevTools.Generate;

/// <summary>
/// Words each outlet chooses for itself, once per article. State media call the crowds "rioters" and
/// "bandits", independent and exile media "protesters": the framing differs as it did in the coverage.
/// </summary>
public static class Synonyms
{
    private static readonly Dictionary<string, string[]> Neutral = new()
    {
        ["protesters"] = ["protesters", "demonstrators", "crowds", "people protesting"],
        ["protests"] = ["protests", "demonstrations", "rallies", "street protests"],
        ["unrest"] = ["unrest", "turmoil", "violence", "crisis"],
        ["police"] = ["police", "riot police", "law enforcement officers", "security forces"],
        ["officers"] = ["police officers", "law enforcement officers", "servicemen", "members of the security forces"],
        ["said"] = ["said", "told reporters", "reported", "stated"],
        ["says"] = ["says", "reports", "confirms"],
        ["witnesses"] = ["witnesses", "residents", "eyewitnesses", "people at the scene"],
        ["media"] = ["media", "news sites", "journalists", "reporters"],
        ["officials"] = ["officials", "the authorities", "local officials", "a government source"],
        ["terrorists"] = ["terrorists", "armed groups", "militants", "bandits"],
    };

    private static readonly Dictionary<string, string[]> StateOwned = new()
    {
        ["protesters"] = ["rioters", "participants in the riots", "provocateurs", "crowds"],
        ["protests"] = ["riots", "mass disturbances", "disorder", "unlawful rallies"],
        ["unrest"] = ["riots", "disorder", "mass disturbances", "attempted coup"],
        ["terrorists"] = ["terrorists", "bandits", "terrorist groups", "extremists"],
    };

    private static readonly Dictionary<string, string[]> Opposition = new()
    {
        ["protesters"] = ["protesters", "peaceful protesters", "demonstrators", "ordinary people"],
        ["unrest"] = ["uprising", "protests", "popular revolt", "crackdown"],
        ["terrorists"] = ["'terrorists'", "so-called terrorists", "alleged terrorists", "protesters branded terrorists"],
    };

    public static Dictionary<string, string> Choose(Random random, string outletKind)
    {
        var special = outletKind switch
        {
            "state_owned" or "state_affiliated" => StateOwned,
            "exile" or "blog" => Opposition,
            _ => null,
        };
        var chosen = new Dictionary<string, string>();
        foreach (var (key, options) in Neutral)
        {
            var pool = special is not null && special.TryGetValue(key, out var own) ? own : options;
            chosen["~" + key] = pool[random.Next(pool.Length)];
        }

        return chosen;
    }
}
