namespace KazakhUnrest.Core.Entities;

/// <summary>
/// Finds mentions of known entities in a text. Names, aliases and descriptions sit in a trie of token keys and the
/// longest one starting at a word wins, so a text is read once whatever the size of the gazetteer. Then, in text
/// order, family names after a title or standing alone after the full name are resolved, and organisations every
/// country has ("Foreign Ministry") are tied to a country.
/// </summary>
/// <remarks>
/// Descriptions are read for this product's window, January 2022: "the Kazakh president" is Kassym-Jomart Tokayev,
/// though in reports from 1991 to March 2019 it meant Nursultan Nazarbayev.
/// </remarks>
public sealed class EntityMatcher
{
    /// <summary>The country an organisation like "Foreign Ministry" belongs to when the text names none at all.</summary>
    private const string DefaultCountry = "KZ";

    private static readonly Lazy<EntityMatcher> SeedMatcher = new(() => new EntityMatcher(Gazetteer.Entries));

    private readonly Node _root = new();
    private readonly Dictionary<string, List<GazetteerEntry>> _surnames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _adjectives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GazetteerEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// How the names' first words begin (their first <see cref="HeadLength"/> letters): most words of a text begin no
    /// name, and one look here spares trying each of their shorter readings (<see cref="Inflection"/>) in the trie.
    /// </summary>
    private readonly HashSet<string> _heads = new(StringComparer.Ordinal);

    private const int HeadLength = 3;
    private int _order;

    /// <param name="entries">The seed gazetteer merged with the database's rows; rows sharing an id add names to one entity.</param>
    public EntityMatcher(IEnumerable<GazetteerEntry> entries)
        : this(entries, Gazetteer.NotMentions)
    {
    }

    public EntityMatcher(IEnumerable<GazetteerEntry> entries, IEnumerable<string> notMentions)
    {
        var all = entries.ToList();
        var countries = all.Where(entry => entry.Kind == EntityKind.Country && entry.Iso is not null)
            .GroupBy(entry => entry.Iso!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.OrdinalIgnoreCase);
        foreach (var entry in all)
        {
            Add(entry, countries);
            // Database rows for a seed entity only add names: the seed's entry says what the entity is.
            _entries.TryAdd(entry.Id, entry);
        }

        foreach (var phrase in notMentions)
        {
            AddPhrase(phrase, null, MentionHow.Name);
        }
    }

    /// <summary>The matcher over the seed gazetteer alone.</summary>
    public static EntityMatcher Seed => SeedMatcher.Value;

    public IReadOnlyList<EntityMention> Find(string text) => Find(text, adjectives: false);

    /// <param name="adjectives">
    /// Also report a country's adjectives ("Kazakh", "kasachisch", "казахский") as <see cref="MentionHow.Adjective"/>
    /// mentions of it: not a mention of the country for the entities step, but what relevance weighs as one.
    /// </param>
    public IReadOnlyList<EntityMention> Find(string text, bool adjectives)
    {
        var tokens = Tokens.Split(text);
        var found = Lookup(text, tokens);
        if (!adjectives)
        {
            found.RemoveAll(hit => hit.How == MentionHow.Adjective);
        }

        var hits = DropTitleDescriptions(text, tokens, found);
        hits = ResolveFamilyNames(text, tokens, hits);
        ResolveCountries(text, tokens, hits);
        return hits.Select(hit =>
        {
            var start = tokens[hit.First].Start;
            var end = tokens[hit.Last].End;
            return new EntityMention(hit.Id, hit.Entry.Kind, start, end - start, text[start..end], hit.How);
        }).ToList();
    }

    /// <summary>The entity behind a mention's id, or null for a per-country body ("foreign-ministry-kz").</summary>
    public GazetteerEntry? Entry(string entityId) => _entries.GetValueOrDefault(entityId);

    public IReadOnlyList<FoundName> Candidates(string text, IReadOnlyList<EntityMention> known) =>
        CandidateFinder.Find(text, known);

    private void Add(GazetteerEntry entry, Dictionary<string, List<GazetteerEntry>> countries)
    {
        AddPhrase(entry.Name, entry, MentionHow.Name);
        foreach (var alias in entry.Aliases)
        {
            AddPhrase(alias, entry, MentionHow.Alias);
        }

        foreach (var description in Expand(entry, countries))
        {
            AddPhrase(description, entry, MentionHow.Description);
        }

        if (entry.Kind == EntityKind.Country && entry.Iso is not null)
        {
            foreach (var adjective in entry.Adjectives)
            {
                _adjectives.TryAdd(KeyOf(adjective), entry.Iso);
                AddPhrase(adjective, entry, MentionHow.Adjective);
            }
        }
        if (entry.Kind == EntityKind.Person)
        {
            var family = entry.Surnames.Count > 0
                ? entry.Surnames
                : entry.Aliases.Prepend(entry.Name).Select(Tokens.Split).Where(words => words.Count > 1)
                    .Select(words => words[^1].Key).ToList();
            foreach (var key in family.Select(KeyOf).Distinct())
            {
                if (!_surnames.TryGetValue(key, out var people))
                {
                    _surnames[key] = people = [];
                }

                if (!people.Any(person => person.Id == entry.Id))
                {
                    people.Add(entry);
                }
            }
        }
    }

    /// <summary>The entry's descriptions as they are matched, "{adj}" and "{country}" filled from the built-in countries.</summary>
    public static IEnumerable<string> DescriptionsOf(GazetteerEntry entry) =>
        Expand(entry, Gazetteer.Entries.Where(e => e.Kind == EntityKind.Country && e.Iso is not null)
            .GroupBy(e => e.Iso!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase));

    private static IEnumerable<string> Expand(GazetteerEntry entry, Dictionary<string, List<GazetteerEntry>> countries)
    {
        var country = entry.Country is not null && countries.TryGetValue(entry.Country, out var found) ? found : [];
        foreach (var description in entry.Descriptions)
        {
            if (description.Contains("{adj}", StringComparison.Ordinal))
            {
                foreach (var adjective in country.SelectMany(c => c.Adjectives))
                {
                    yield return description.Replace("{adj}", adjective, StringComparison.Ordinal);
                }
            }
            else if (description.Contains("{country}", StringComparison.Ordinal))
            {
                foreach (var name in country.Select(c => c.Name))
                {
                    yield return description.Replace("{country}", name, StringComparison.Ordinal);
                }
            }
            else
            {
                yield return description;
            }
        }
    }

    private static string KeyOf(string phrase) => string.Join(' ', Tokens.Split(phrase).Select(token => token.Key));

    private void AddPhrase(string phrase, GazetteerEntry? entry, MentionHow how)
    {
        var words = Tokens.Split(phrase);
        if (words.Count == 0)
        {
            return;
        }

        if (words[0].Key.Length >= Inflection.MinStem)
        {
            _heads.Add(words[0].Key[..HeadLength]);
        }

        var node = _root;
        foreach (var word in words)
        {
            node.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Next.TryGetValue(word.Key, out var next))
            {
                node.Next[word.Key] = next = new Node();
            }

            node = next;
        }
        var exact = words.All(word => word.AllCapitals) && words.Sum(word => word.Length) <= 5;
        var target = new Target(entry, how, words.Select(word => phrase[word.Start..word.End]).ToArray(),
            words.Select(word => word.Capitalised).ToArray(), exact, _order++);
        node.Targets ??= [];
        node.Targets.Add(target);
        node.Targets.Sort((a, b) => a.How != b.How ? a.How.CompareTo(b.How) : a.Order.CompareTo(b.Order));
    }

    private List<Hit> Lookup(string text, List<Token> tokens)
    {
        var hits = new List<Hit>();
        var i = 0;
        while (i < tokens.Count)
        {
            Target? best = null;
            var bestLast = i;
            var node = _root;
            for (var j = i; j < tokens.Count; j++)
            {
                if (j > i && !Tokens.Joins(text, tokens[j - 1], tokens[j]))
                {
                    break;
                }

                if (Next(node, tokens[j], j == i) is not { } next)
                {
                    break;
                }

                node = next;

                var target = node.Targets?.FirstOrDefault(t => t.Fits(text, tokens, i));
                if (target is not null)
                {
                    (best, bestLast) = (target, j);
                }
            }
            if (best is null)
            {
                i++;
                continue;
            }
            if (best.Entry is not null)
            {
                hits.Add(new Hit(best.Entry, best.Entry.Id, i, bestLast, best.How));
            }

            i = bestLast + 1;
        }
        return hits;
    }

    /// <summary>The trie's step for a word: its key, else the first of its shorter readings (<see cref="Inflection"/>) that goes on.</summary>
    private Node? Next(Node node, Token token, bool first)
    {
        if (node.Next is null)
        {
            return null;
        }

        if (node.Next.TryGetValue(token.Key, out var next))
        {
            return next;
        }

        var atRoot = node == _root;
        var heads = _heads.GetAlternateLookup<ReadOnlySpan<char>>();
        if (atRoot && !Inflection.MayHavePrefix(token.Folded, first) && token.Folded.Length >= HeadLength
            && !heads.Contains(token.Folded.AsSpan(0, HeadLength)))
        {
            return null;
        }

        var bySpan = node.Next.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (skip, cut) in Inflection.Stems(token.Folded, first))
        {
            if (atRoot && !heads.Contains(token.Folded.AsSpan(skip, HeadLength)))
            {
                continue;
            }

            if (bySpan.TryGetValue(token.Folded.AsSpan(skip, token.Folded.Length - skip - cut), out next))
            {
                return next;
            }
        }
        return null;
    }

    /// <summary>"Kazakh President Kassym-Jomart Tokayev": the description is the title of the name after it, not a mention of its own.</summary>
    private static List<Hit> DropTitleDescriptions(string text, List<Token> tokens, List<Hit> hits) =>
        hits.Where((hit, i) => !(hit.How == MentionHow.Description && hit.Entry.Kind == EntityKind.Person
            && i + 1 < hits.Count && hits[i + 1].Entry.Kind == EntityKind.Person && hits[i + 1].First == hit.Last + 1
            && string.IsNullOrWhiteSpace(text[tokens[hit.Last].End..tokens[hit.Last + 1].Start]))).ToList();

    private List<Hit> ResolveFamilyNames(string text, List<Token> tokens, List<Hit> hits)
    {
        var resolved = new List<Hit>(hits.Count);
        // Where each person was last mentioned, so a family name goes to the most recent of its bearers.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = 0;
        var t = 0;
        while (t < tokens.Count)
        {
            var titled = t > 0 && Titles.IsTitle(tokens[t - 1].Key) && Tokens.Joins(text, tokens[t - 1], tokens[t])
                && (resolved.Count == 0 || resolved[^1].Last < t - 1);
            var honorific = titled && Titles.Honorifics.Contains(tokens[t - 1].Key);
            if (next < hits.Count && hits[next].First == t)
            {
                var hit = hits[next++];
                if (honorific && hit.Entry.Kind == EntityKind.Person && hit.First == hit.Last)
                {
                    hit = hit with { First = t - 1, How = MentionHow.Title };
                }

                resolved.Add(hit);
                if (hit.Entry.Kind == EntityKind.Person)
                {
                    seen[hit.Entry.Id] = t;
                }

                t = hit.Last + 1;
                continue;
            }
            if (tokens[t].Capitalised && _surnames.TryGetValue(tokens[t].Key, out var people))
            {
                var person = people.Where(bearer => seen.ContainsKey(bearer.Id)).MaxBy(bearer => seen[bearer.Id])
                    ?? (titled && people.Count == 1 ? people[0] : null);
                if (person is not null)
                {
                    resolved.Add(new Hit(person, person.Id, honorific ? t - 1 : t, t, titled ? MentionHow.Title : MentionHow.Surname));
                    seen[person.Id] = t;
                }
            }
            t++;
        }
        return resolved;
    }

    private void ResolveCountries(string text, List<Token> tokens, List<Hit> hits)
    {
        var main = hits.Where(hit => hit.Entry.Kind == EntityKind.Country && hit.Entry.Iso is not null && hit.How != MentionHow.Adjective)
            .GroupBy(hit => hit.Entry.Iso!)
            .OrderByDescending(group => group.Count()).ThenBy(group => group.First().First)
            .Select(group => group.Key).FirstOrDefault() ?? DefaultCountry;
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (!hit.Entry.PerCountry)
            {
                continue;
            }

            var (iso, first) = AdjectiveBefore(text, tokens, hit.First) is { } adjective
                ? (adjective.Iso, adjective.First)
                : (CountryNamed(text, tokens, hits, i) ?? main, hit.First);
            hits[i] = hit with { Id = hit.Entry.Id + "-" + iso.ToLowerInvariant(), First = first };
        }
    }

    /// <summary>"Chinese Foreign Ministry", "South Korean Foreign Ministry".</summary>
    private (string Iso, int First)? AdjectiveBefore(string text, List<Token> tokens, int first)
    {
        for (var words = 2; words >= 1; words--)
        {
            var from = first - words;
            if (from < 0 || !tokens[from].Capitalised)
            {
                continue;
            }

            var joined = true;
            for (var k = from; k < first; k++)
            {
                joined &= Tokens.Joins(text, tokens[k], tokens[k + 1]);
            }

            var key = string.Join(' ', tokens.Skip(from).Take(words).Select(token => token.Key));
            if (joined && _adjectives.TryGetValue(key, out var iso))
            {
                return (iso, from);
            }
        }
        return null;
    }

    /// <summary>"China's Foreign Ministry" or "the Ministry of Foreign Affairs of Kazakhstan".</summary>
    private static string? CountryNamed(string text, List<Token> tokens, List<Hit> hits, int index)
    {
        var hit = hits[index];
        if (index > 0 && hits[index - 1] is { Entry.Kind: EntityKind.Country } before
            && before.Last == hit.First - 2 && tokens[hit.First - 1].Key == "s"
            && Tokens.IsApostrophe(text[tokens[hit.First - 1].Start - 1]))
        {
            return before.Entry.Iso;
        }
        if (index + 1 < hits.Count && hits[index + 1] is { Entry.Kind: EntityKind.Country } after
            && after.First == hit.Last + 2 && tokens[hit.Last + 1].Key is "of")
        {
            return after.Entry.Iso;
        }
        return null;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Next { get; set; }

        public List<Target>? Targets { get; set; }
    }

    /// <summary>One way of writing an entity; <see cref="Entry"/> is null for a phrase that must not be read as a mention.</summary>
    private sealed record Target(GazetteerEntry? Entry, MentionHow How, string[] Words, bool[] Capitalised, bool Exact, int Order)
    {
        /// <summary>
        /// Short capitals must match exactly so "US" is not "us"; otherwise a word capitalised in the alias must be
        /// capitalised in the text, so "turkey" and "chevron" are not the country and the company.
        /// </summary>
        public bool Fits(string text, List<Token> tokens, int first)
        {
            for (var k = 0; k < Words.Length; k++)
            {
                var token = tokens[first + k];
                if (Exact ? !text.AsSpan(token.Start, token.Length).SequenceEqual(Words[k]) : Capitalised[k] && !token.Capitalised)
                {
                    return false;
                }
            }
            return true;
        }
    }

    private sealed record Hit(GazetteerEntry Entry, string Id, int First, int Last, MentionHow How);
}
