namespace KazakhUnrest.Core.Entities;

/// <summary>
/// Names the gazetteer lacks that look like people (a name after a title: "police spokesman Saltanat Azirbek",
/// "Mr. Y") or organisations (capitalised words ending in "Ministry", "Committee", ...), for an editor to accept or reject.
/// </summary>
internal static class CandidateFinder
{
    private const int MaxNameWords = 3;

    private static readonly HashSet<string> OrganisationWords = new(StringComparer.Ordinal)
    {
        "ministry", "committee", "agency", "party", "organization", "organisation", "council", "union", "company",
        "group", "service", "bureau", "commission", "office", "department", "corporation", "movement", "fund",
    };

    /// <summary>Capitalised words that follow a title without being a name ("General Assembly", "Chief of Staff").</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "assembly", "staff", "court", "council", "of", "and", "said", "says", "told", "has", "had", "was", "is",
    };

    /// <summary>Capitalised function words that open a sentence or a heading but never a name.</summary>
    private static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "in", "on", "at", "by",
        "for", "from", "with", "and", "but", "meanwhile", "when", "after", "before", "as", "while", "if", "according",
        "however", "of", "s",
    };

    private static readonly HashSet<string> Linking = new(StringComparer.Ordinal) { "of", "for", "and", "on" };

    public static IReadOnlyList<FoundName> Find(string text, IReadOnlyList<EntityMention> known)
    {
        var tokens = Tokens.Split(text);
        var covered = Covered(tokens, known);
        // A word the text also writes in lower case is a common word, capitalised only for opening a sentence.
        var common = tokens.Where(token => !token.Capitalised && char.IsLetter(text[token.Start]))
            .Select(token => token.Key).ToHashSet(StringComparer.Ordinal);
        var found = People(text, tokens, covered, common).Concat(Organisations(text, tokens, covered, common))
            .OrderBy(candidate => candidate.Start).ThenByDescending(candidate => candidate.Length);
        var kept = new List<FoundName>();
        foreach (var candidate in found)
        {
            if (kept.Count == 0 || kept[^1].Start + kept[^1].Length <= candidate.Start)
            {
                kept.Add(candidate);
            }
        }
        return kept;
    }

    private static IEnumerable<FoundName> People(string text, List<Token> tokens, bool[] covered, HashSet<string> common)
    {
        for (var t = 0; t + 1 < tokens.Count; t++)
        {
            if (covered[t] || !Titles.IsTitle(tokens[t].Key) || IsOffice(tokens[t + 1].Key))
            {
                continue;
            }

            var last = t;
            while (last + 1 < tokens.Count && last - t < MaxNameWords && IsNameWord(text, tokens, covered, common, last + 1))
            {
                last++;
            }

            if (last > t)
            {
                yield return Make(text, tokens, EntityKind.Person, t + 1, last, t);
            }
        }
    }

    private static bool IsOffice(string key) => Titles.IsTitle(key) || Titles.Qualifiers.Contains(key);

    private static bool IsNameWord(string text, List<Token> tokens, bool[] covered, HashSet<string> common, int i) =>
        tokens[i].Capitalised && !covered[i] && Tokens.Joins(text, tokens[i - 1], tokens[i]) && !IsOffice(tokens[i].Key)
        && !NotNames.Contains(tokens[i].Key) && !OrganisationWords.Contains(tokens[i].Key)
        && !Stopwords.Contains(tokens[i].Key) && !common.Contains(tokens[i].Key);

    private static IEnumerable<FoundName> Organisations(string text, List<Token> tokens, bool[] covered, HashSet<string> common)
    {
        for (var t = 0; t < tokens.Count; t++)
        {
            if (covered[t] || !tokens[t].Capitalised || !OrganisationWords.Contains(tokens[t].Key))
            {
                continue;
            }

            var last = t;
            // "Ministry of Emergency Situations": the name goes on after the keyword.
            while (last + 2 < tokens.Count && Linking.Contains(tokens[last + 1].Key) && !tokens[last + 1].Capitalised
                && Part(text, tokens, covered, last + 1) && Part(text, tokens, covered, last + 2) && tokens[last + 2].Capitalised)
            {
                last += 2;
                while (last + 1 < tokens.Count && tokens[last + 1].Capitalised && Part(text, tokens, covered, last + 1))
                {
                    last++;
                }
            }
            var first = t;
            while (first > 0 && Part(text, tokens, covered, first) && !covered[first - 1]
                && (tokens[first - 1].Capitalised || Linking.Contains(tokens[first - 1].Key) || IsPossessive(text, tokens[first - 1])))
            {
                first--;
            }
            while (first < t && (!tokens[first].Capitalised || Stopwords.Contains(tokens[first].Key)
                || (OpensSentence(text, tokens, first) && common.Contains(tokens[first].Key))))
            {
                first++;
            }
            if (first < last)
            {
                yield return Make(text, tokens, EntityKind.Organisation, first, last, t);
            }

            t = last;
        }
    }

    /// <summary>Whether token <paramref name="i"/> continues the name the token before it is part of.</summary>
    private static bool Part(string text, List<Token> tokens, bool[] covered, int i) =>
        !covered[i] && Tokens.Joins(text, tokens[i - 1], tokens[i]);

    private static bool IsPossessive(string text, Token token) =>
        token.Key == "s" && token.Start > 0 && Tokens.IsApostrophe(text[token.Start - 1]);

    private static bool OpensSentence(string text, List<Token> tokens, int i) =>
        i == 0 || text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End).IndexOfAny(".!?:\n\"“«") >= 0;

    private static FoundName Make(string text, List<Token> tokens, EntityKind kind, int first, int last, int cue)
    {
        var start = tokens[first].Start;
        var end = tokens[last].End;
        return new FoundName(kind, start, end - start, text[start..end], text[tokens[cue].Start..tokens[cue].End]);
    }

    private static bool[] Covered(List<Token> tokens, IReadOnlyList<EntityMention> known)
    {
        var covered = new bool[tokens.Count];
        var spans = known.OrderBy(mention => mention.Start).ToList();
        var s = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            while (s < spans.Count && spans[s].End <= tokens[i].Start)
            {
                s++;
            }
            // Spans may nest or overlap, so look past the first one that has not ended.
            for (var k = s; k < spans.Count && spans[k].Start < tokens[i].End; k++)
            {
                if (spans[k].End > tokens[i].Start)
                {
                    covered[i] = true;
                    break;
                }
            }
        }
        return covered;
    }
}
