namespace KazakhUnrest.Core.Stories;

/// <summary>Function words that say nothing about which story an article tells.</summary>
internal static class StopWords
{
    private static readonly HashSet<ulong> Hashes = [.. """
        a an the and or but if of to in on at by for with from as into about over after before than then
        is are was were be been being has have had do does did will would shall should can could may might must
        it its this that these those he she they them his her their we our you your i me my us who whom whose which what
        there here not no nor so also said says say told according while when where whether all any some more most
        other such only own same too very just up out off again further once during until against between through
        under both each few many much new one two three first last year years day days week weeks on monday tuesday
        wednesday thursday friday saturday sunday its it's kazakhstan's
        """.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(w => Fnv1a.Hash(w))];

    public static bool Contains(ulong hash) => Hashes.Contains(hash);
}
