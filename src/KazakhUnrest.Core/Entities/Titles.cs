namespace KazakhUnrest.Core.Entities;

/// <summary>Words that stand before a person's name in news copy, as token keys (see <see cref="Tokens.Key"/>).</summary>
internal static class Titles
{
    /// <summary>Honorifics belong to the name as written ("Mr. Xi"); other titles are kept out of a mention's surface.</summary>
    // Through Tokens.Key, so the Russian words meet their declined forms in the text.
    public static readonly HashSet<string> Honorifics = new(new[]
    {
        "mr", "mrs", "ms", "miss", "mister", "dr", "господин", "госпожа",
    }.Select(Tokens.Key), StringComparer.Ordinal);

    public static readonly HashSet<string> Offices = new(new[]
    {
        "president", "minister", "premier", "chairman", "chairwoman", "secretary", "spokesman", "spokeswoman",
        "spokesperson", "general", "gen", "ambassador", "senator", "governor", "mayor", "akim", "director", "chief",
        "envoy", "colonel", "col", "commander", "prosecutor", "judge", "президент", "министр", "премьер", "генерал",
    }.Select(Tokens.Key), StringComparer.Ordinal);

    /// <summary>Words that qualify a following office ("Deputy Foreign Minister"), so the name comes after the office.</summary>
    public static readonly HashSet<string> Qualifiers = new(StringComparer.Ordinal)
    {
        "foreign", "prime", "interior", "defence", "defense", "deputy", "vice", "health", "energy", "first", "state",
        "police", "acting", "finance", "economy", "justice", "emergency", "emergencies", "information", "attorney",
        "press", "executive", "security", "former", "regional", "city",
    };

    public static bool IsTitle(string key) => Honorifics.Contains(key) || Offices.Contains(key);
}
