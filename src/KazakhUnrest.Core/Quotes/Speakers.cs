using System.Text.RegularExpressions;
using KazakhUnrest.Core.Entities;

namespace KazakhUnrest.Core.Quotes;

/// <summary>Who said something: the cue words around a quote or claim, and the entity or words they point at.</summary>
internal sealed record Speaker(string? EntityId, string? Words, string Cue);

/// <summary>
/// Finds a speaker in the words before or after a quote: "said X", "X said", "according to X", "X ... calling ...",
/// "he said". The speaker is the entity named where the cue points, a person before an organisation before a
/// country; "he" and "she" stand for the last person named before them.
/// </summary>
internal static partial class Speakers
{
    private const string Verbs =
        @"said|says|say|added|adds|told|tells|concluded|stated|declared|declares|warned|warns|wrote|insisted|noted|explained|"
        + @"continued|asked|replied|stressed|emphasi[sz]ed|claimed|alleged|alleges|announced|argued|argues|urged|appealed|(?<!so-)called|calling|"
        + @"described|describing|saying|vowed|pledged|promised|denied|denies|accused|admitted|acknowledged|quoted|quoting|commented|tweeted|posted|"
        + @"заявил\w*|заявля\w*|сказал\w*|отметил\w*|подчеркнул\w*|сообщил\w*|добавил\w*|написал\w*|пояснил\w*|назвал\w*|призвал\w*|говорит|говорится|считает|уверен\w*";

    private const string Adverbs = @"(?:reportedly|also|later|then|further|earlier|again|publicly|repeatedly|recently|has|have|had|was|were|is|has\s+been|also\s+has)\s+";

    private static readonly HashSet<string> HeShe = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "он", "она" };
    private static readonly HashSet<string> ItThey = new(StringComparer.OrdinalIgnoreCase) { "it", "they", "они", "оно" };

    /// <summary>A speaker named right after a quote: “…,” said Ned Price / “…,” he said / “…,” according to Xinhua.</summary>
    public static Speaker? After(string text, int from, int end, IReadOnlyList<EntityMention> mentions)
    {
        var after = text[from..end];
        if (AccordingTo().Match(after) is { Success: true, Index: <= 3 } according)
        {
            return Named(text, from, according, mentions);
        }

        if (VerbThenWho().Match(after) is { Success: true } first)
        {
            var who = first.Groups["who"];
            return Resolve(text, from + who.Index, from + who.Index + who.Length, mentions, first.Groups["verb"].Value, whoFirst: true);
        }
        if (WhoThenVerb().Match(after) is { Success: true } second)
        {
            var who = second.Groups["who"];
            return Resolve(text, from + who.Index, from + who.Index + who.Length, mentions, second.Groups["verb"].Value, whoFirst: false);
        }
        return null;
    }

    /// <summary>
    /// A speaker named in the clause before a quote or claim: "According to Tokayev, … “terrorists”",
    /// "Kazakhstan's Foreign Ministry said that … “were hijacked”", "Tokayev … calling the protesters “a band of terrorists”".
    /// </summary>
    public static Speaker? Before(string text, int start, int end, IReadOnlyList<EntityMention> mentions)
    {
        var before = text[start..end];
        if (AccordingTo().Match(before) is { Success: true } according)
        {
            return Named(text, start, according, mentions);
        }

        var verb = Verb().Matches(before).LastOrDefault();
        if (verb is null)
        {
            return null;
        }

        var clause = ClauseStart(before, verb.Index);
        return Resolve(text, start + clause, start + verb.Index, mentions, verb.Groups["verb"].Value, whoFirst: false);
    }

    private static Speaker? Named(string text, int offset, Match according, IReadOnlyList<EntityMention> mentions)
    {
        var who = according.Groups["who"];
        return Resolve(text, offset + who.Index, offset + who.Index + who.Length, mentions, according.Groups["cue"].Value.ToLowerInvariant(), whoFirst: true);
    }

    /// <summary>The last person (or, for "it"/"they", organisation) named before a position.</summary>
    public static EntityMention? Antecedent(IReadOnlyList<EntityMention> mentions, int position, bool person) =>
        mentions.LastOrDefault(m => m.End <= position && (person ? m.Kind == EntityKind.Person : m.Kind is EntityKind.Organisation or EntityKind.Country));

    private static Speaker? Resolve(string text, int start, int end, IReadOnlyList<EntityMention> mentions, string cue, bool whoFirst)
    {
        var words = text[start..end].Trim().TrimEnd(',').Trim();
        if (words.Length == 0)
        {
            return null;
        }

        var inside = mentions.Where(m => m.Start >= start && m.End <= end).ToList();
        var chosen = Choose(inside, whoFirst, text, start);
        if (chosen is not null)
        {
            return new Speaker(chosen.EntityId, chosen.Surface, cue);
        }

        var last = LastWord().Match(TrailingAdverbs().Replace(words, "")).Value;
        if (HeShe.Contains(last) || ItThey.Contains(last))
        {
            var antecedent = Antecedent(mentions, start, HeShe.Contains(last));
            return antecedent is null ? null : new Speaker(antecedent.EntityId, antecedent.Surface, cue);
        }
        var phrase = Phrase(TrailingAdverbs().Replace(words, ""), whoFirst);
        return phrase is null ? null : new Speaker(null, phrase, cue);
    }

    /// <summary>A person before an organisation before a country or place; nearest the cue among equals.</summary>
    private static EntityMention? Choose(List<EntityMention> inside, bool whoFirst, string text, int start)
    {
        if (inside.Count == 0)
        {
            return null;
        }

        var ordered = whoFirst ? inside : Enumerable.Reverse(inside).ToList();
        foreach (var kind in new[] { EntityKind.Person, EntityKind.Organisation })
        {
            if (ordered.FirstOrDefault(m => m.Kind == kind) is { } found)
            {
                return found;
            }
        }
        // "Though the US has denied" names a country as the speaker; a country further into the phrase is only where
        // the speaker is from ("the office of Kyrgyzstan's president"), and a city never speaks ("officials in Atyrau").
        var country = inside[0];
        return country.Kind == EntityKind.Country && WordCount(text[start..country.Start]) <= 2 ? country : null;
    }

    /// <summary>An unknown speaker as the article names it, kept only when it reads like one: a capitalised name or an office.</summary>
    private static string? Phrase(string words, bool whoFirst)
    {
        var parts = words.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        var phrase = Connective().Replace(whoFirst ? parts[0] : parts[^1], "");
        var tokens = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            return null;
        }

        if (tokens.Length > 8)
        {
            phrase = string.Join(' ', tokens[^8..]);
        }

        return Office().IsMatch(phrase) || tokens.Skip(1).Any(t => t.Length > 1 && char.IsUpper(t[0])) ? phrase : null;
    }

    /// <summary>
    /// Where the subject of a cue verb can start: commas do not end it ("Though the US has denied its involvement,
    /// saying that…" has its subject before one), but a semicolon, a bracket, an earlier cue verb or a ", but" does.
    /// </summary>
    private static int ClauseStart(string before, int verb)
    {
        var start = verb;
        while (start > 0 && before[start - 1] is not (';' or '('))
        {
            start--;
        }

        var earlier = Verb().Matches(before[start..verb]).LastOrDefault();
        if (earlier is not null)
        {
            start += earlier.Index + earlier.Length;
        }

        var turn = Turn().Matches(before[start..verb]).LastOrDefault();
        return turn is null ? start : start + turn.Index + turn.Length;
    }

    [GeneratedRegex(@"^[\s,–—-]*(?<verb>" + Verbs + @")\s+(?<who>(?:[^.;:!?“”""«»]|(?<=\b(?:Mr|Mrs|Ms|Dr|Gen|St))\.){1,120}?)\s*(?=(?<!\b(?:Mr|Mrs|Ms|Dr|Gen|St))[.;:!?]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerbThenWho();

    [GeneratedRegex(@"^[\s,–—-]*(?<who>(?:[^.;:!?“”""«»]|(?<=\b(?:Mr|Mrs|Ms|Dr|Gen|St))\.){1,100}?)\s+(?:" + Adverbs + @")?(?<verb>" + Verbs + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhoThenVerb();

    [GeneratedRegex(@"\b(?<cue>according\s+to|по\s+словам|по\s+мнению|as\s+quoted\s+by)\s+(?<who>(?:[^,;:“”""«».]|(?<=\b(?:Mr|Mrs|Ms|Dr|Gen|St))\.){2,100})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccordingTo();

    [GeneratedRegex(@"(?<=^|[\s,])(?<verb>" + Verbs + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Verb();

    [GeneratedRegex(@"[\p{L}]+$")]
    private static partial Regex LastWord();

    // "…, which officials said" or "and witnesses said": the connective is not part of who spoke.
    [GeneratedRegex(@"^(?:(?:which|who|that|and|but|as|while|though|although|where|when|so|what|и|а|но|как|что)\s+)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Connective();

    private static int WordCount(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"(?:\s+(?:reportedly|also|later|then|further|earlier|again|publicly|repeatedly|recently|has|have|had|was|were|is))+\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingAdverbs();

    [GeneratedRegex(@"(?:,\s*(?:but|while|whereas|and)|\b(?:but|whereas))\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Turn();

    [GeneratedRegex(@"\b(?:spokes\w+|minist\w+|president|premier|official\w*|police|authorit\w+|government|office|agency|embassy|analyst|expert|director|chief|head|leader|witness\w*|resident|activist|protester|lawyer|commander|governor|mayor|пресс-секретар\w*|министр\w*|президент\w*|глав\w+|представител\w+|ведомств\w*|МВД|МИД)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Office();
}
