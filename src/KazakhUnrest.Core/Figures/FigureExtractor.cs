using System.Text.RegularExpressions;
using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Text;

namespace KazakhUnrest.Core.Figures;

/// <summary>
/// Finds the numeric claims of an article: each number whose nearby words say what it counts (killed, injured,
/// hospitalised, detained, troops deployed) or that is a fuel price, with who the outlet attributes it to and the
/// day it refers to. A sentence is read on its own: an attribution in one sentence does not carry into the next.
/// </summary>
public static partial class FigureExtractor
{
    /// <summary>How far after a number its outcome word may stand: "over 1,300 people have been injured".</summary>
    private const int Reach = 80;

    public static IReadOnlyList<Figure> Extract(string text, IReadOnlyList<EntityMention> entities, DateOnly? published)
    {
        var figures = new List<Figure>();
        var dates = DateResolver.Resolve(text, published);
        foreach (var sentence in Sentences.Split(text))
        {
            var quantities = Quantities.Find(sentence.Text)
                .Where(q => !InDate(dates, sentence.Start + q.Start, sentence.Start + q.End) && !IsYearOrShare(sentence.Text, q))
                .ToList();
            if (quantities.Count == 0 || IsHistory(dates, sentence, published))
            {
                continue;
            }

            var attributions = Attributions.Find(sentence.Text);
            // A count is of a day: "last week's unrest" or "in January" says when the events were, not which day the count is for.
            var sentenceDates = dates.Where(d => d.SentenceStart == sentence.Start && d.Precision is DatePrecision.Day or DatePrecision.PartOfDay).ToList();
            var places = entities
                .Where(e => e.Kind == EntityKind.Place && e.Start >= sentence.Start && e.End <= sentence.Start + sentence.Length)
                .Select(e => e with { Start = e.Start - sentence.Start })
                .ToList();
            var clauses = Background.Clauses(sentence.Text);
            var changes = Changes(sentence.Text, quantities);
            var counts = new Count?[quantities.Count];
            string? previous = null;
            for (var i = 0; i < quantities.Count; i++)
            {
                if (quantities[i].Currency is null && changes.GetValueOrDefault(i).Currency is null)
                {
                    counts[i] = CountMeasure(sentence.Text, quantities, i, previous);
                    previous = counts[i]?.Measure is { } m ? FigureMeasures.Base(m) : previous;
                }
            }

            for (var i = 0; i < quantities.Count; i++)
            {
                var quantity = quantities[i];
                var (change, changeCurrency) = changes.GetValueOrDefault(i);
                var currency = quantity.Currency ?? changeCurrency;
                var count = counts[i];
                // The two ends of a change count the same thing, though only one of them stands next to its words.
                if (count is null && change is not null && currency is null)
                {
                    count = counts[change == "from" ? i + 1 : i - 1];
                }

                var measure = currency is not null ? PriceMeasure(sentence.Text) : count?.Measure;
                if (measure is null)
                {
                    continue;
                }

                var place = count is null ? null : PlaceOf(sentence.Text, places, quantities, i, count.Value.Window);
                // A part of a count that names neither its group nor its place ("62 of them in intensive care") counts
                // people no other report counts the same way.
                if (count is { Part: true } && measure == FigureMeasures.Base(measure) && place is null)
                {
                    continue;
                }

                var clause = Background.ClauseOf(clauses, quantity.Start);
                var background = change == "from" || Background.IsBackground(sentence.Text, clause, quantity.Start);
                var unit = currency ?? (measure == FigureMeasures.TroopsDeployed ? "troops" : "people");
                var attribution = Nearest(attributions, quantity);
                // A background figure's day is only one written in its own words: the sentence's other dates tell when the newer figure came.
                var date = sentenceDates
                    .Where(d => background
                        ? clause.Contains(d.Start - sentence.Start) && Between(quantities, i, d.Start - sentence.Start)
                        : !Background.IsBackground(sentence.Text, Background.ClauseOf(clauses, d.Start - sentence.Start), d.Start - sentence.Start))
                    .MinBy(d => Math.Abs(d.Start - (sentence.Start + quantity.Start)))?.Date;
                figures.Add(new Figure(
                    measure, quantity.Low, quantity.High, quantity.Qualifier, quantity.Vague, unit,
                    change,
                    attribution is null ? null : AttributedTo(entities, sentence.Start, attribution),
                    attribution?.Text, date,
                    sentence.Start + quantity.Start, quantity.End - quantity.Start, sentence.Text[quantity.Start..quantity.End],
                    sentence.Start, sentence.Length, sentence.Text, place, background));
            }
        }
        return figures;
    }

    /// <summary>How far before the report a sentence's dates may lie and its numbers still count as news.</summary>
    private const int HistoryDays = 60;

    /// <summary>
    /// "In December 2011 at least 14 people were killed in Zhanaozen": background, not a claim about this crisis. A
    /// sentence whose every date lies well before the report, or that names only years before the last one, is left
    /// out of the tracker.
    /// </summary>
    private static bool IsHistory(IReadOnlyList<DateMention> dates, Sentence sentence, DateOnly? published)
    {
        if (published is not { } day)
        {
            return false;
        }

        var own = dates.Where(d => d.SentenceStart == sentence.Start).ToList();
        if (own.Count > 0)
        {
            return own.All(d => d.End < day.AddDays(-HistoryDays));
        }

        var years = Year().Matches(sentence.Text).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return years.Count > 0 && years.All(y => y < day.Year - 1);
    }

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)")]
    private static partial Regex Year();

    private static bool InDate(IReadOnlyList<DateMention> dates, int start, int end) =>
        dates.Any(d => start < d.Start + d.Length && d.Start < end);

    /// <summary>A bare four-digit year or a percentage is no count of people.</summary>
    private static bool IsYearOrShare(string sentence, Quantity quantity)
    {
        var surface = sentence[quantity.Start..quantity.End];
        if (quantity.Currency is null && YearLike().IsMatch(surface))
        {
            return true;
        }

        return Percent().IsMatch(sentence[quantity.End..]);
    }

    /// <summary>
    /// "from 60 to 120 tenge", "from around USD 0.12 to USD 0.23-28": two amounts joined by "to" where one is
    /// money are a change; the first takes the second's currency when it prints none. Two counts are a change
    /// only after a verb of change ("the toll rose from 164 to 225"), since "from 20 to 30 people" is a range.
    /// </summary>
    private static Dictionary<int, (string? Change, string? Currency)> Changes(string sentence, List<Quantity> quantities)
    {
        var changes = new Dictionary<int, (string?, string?)>();
        for (var i = 0; i + 1 < quantities.Count; i++)
        {
            var (first, second) = (quantities[i], quantities[i + 1]);
            if (first.Vague is not null || second.Vague is not null || !ChangeJoint().IsMatch(sentence[first.End..second.Start]))
            {
                continue;
            }

            if ((first.Currency ?? second.Currency) is { } currency)
            {
                changes[i] = ("from", first.Currency ?? currency);
                changes[i + 1] = ("to", second.Currency);
                i++;
            }
            else if (CountChange().IsMatch(Tail(sentence[(i > 0 ? quantities[i - 1].End : 0)..first.Start])))
            {
                changes[i] = ("from", null);
                changes[i + 1] = ("to", null);
                i++;
            }
        }
        return changes;
    }

    private static string? PriceMeasure(string sentence) =>
        FigureMeasures.PerLitre.IsMatch(sentence) && !FigureMeasures.OtherPriceUnit.IsMatch(sentence) ? FigureMeasures.PricePerLitre : null;

    /// <summary>How far before a number the words that lead to it are read: the patterns that end at the number need no more, and a long sentence costs no more.</summary>
    private const int LeadReach = 120;

    private static string Tail(string text) => text.Length <= LeadReach ? text : text[^LeadReach..];

    /// <summary>Whether a position lies between the numbers before and after quantity <paramref name="index"/>: the words that are its own.</summary>
    private static bool Between(List<Quantity> quantities, int index, int position) =>
        (index == 0 || position >= quantities[index - 1].End) && (index + 1 == quantities.Count || position < quantities[index + 1].Start);

    /// <summary>What a number counts.</summary>
    /// <param name="Measure">The measure key, its group included.</param>
    /// <param name="Part">A part of another count ("including 19 police officers", "103 of them in Almaty").</param>
    /// <param name="Window">Where the words after the number that say who or where were read, in the sentence.</param>
    private readonly record struct Count(string Measure, bool Part, (int Start, int End) Window);

    /// <param name="previous">The measure of the sentence's last count before this one, which a part ("including 19 ...") belongs to.</param>
    private static Count? CountMeasure(string sentence, List<Quantity> quantities, int index, string? previous)
    {
        var quantity = quantities[index];
        var next = index + 1 < quantities.Count ? quantities[index + 1].Start : sentence.Length;
        var after = Window(sentence, quantity.End, next);
        if (FigureMeasures.NotPeople.IsMatch(after))
        {
            return null;
        }

        var lead = sentence[(index > 0 ? quantities[index - 1].End : 0)..quantity.Start];
        var prefix = sentence[..quantity.Start];
        var (measure, part, counted) = Read(after, lead, prefix, previous);
        if (measure is null)
        {
            return FigureMeasures.Troops.IsMatch(after) && FigureMeasures.Deployment.IsMatch(sentence)
                ? new Count(FigureMeasures.TroopsDeployed, false, (quantity.End, quantity.End + after.Length))
                : null;
        }

        // "21, 10 and 8 dead": a list of counts shares its words, and each counts a part (a region, a day) the list does not name.
        part |= (index > 0 && ListJoint().IsMatch(Tail(lead))) || (index + 1 < quantities.Count && ListJoint().IsMatch(sentence[quantity.End..next]));
        // "nearly 6,000 — including a number of foreigners — detained": a part named inside the count's words is not the count's group.
        var nested = NestedPart().Match(counted);
        counted = nested.Success ? counted[..nested.Index] : counted;
        var groups = FigureMeasures.Groups.GetValueOrDefault(measure) ?? [];
        var group = groups.FirstOrDefault(g => g.Group.IsMatch(counted)).Measure
            // "Among the police, 16 died and 1,300 were injured": the group opens the sentence.
            ?? (GroupOpening().Match(sentence) is { Success: true } opening ? groups.FirstOrDefault(g => g.Group.IsMatch(opening.Value)).Measure : null);
        return new Count(group ?? measure, part, (quantity.End, quantity.End + after.Length));
    }

    /// <summary>The measure a number's words give, whether it is a part of another count, and the words naming who was counted.</summary>
    private static (string? Measure, bool Part, string Counted) Read(string after, string lead, string prefix, string? previous)
    {
        // "three of those killed were minors"
        var partOf = FigureMeasures.PartOf.Select(p => (p.Measure, Match: PartOfAt(p.Pattern, after))).FirstOrDefault(p => p.Match is not null);
        if (partOf.Match is { } own)
        {
            return (partOf.Measure, true, after[(own.Index + own.Length)..]);
        }

        // "4,353 wounded people, 3,393 of them security personnel"
        if (previous is not null && PartAfter().Match(after) is { Success: true } ofThem)
        {
            return (previous, true, after[ofThem.Length..]);
        }

        var outcome = FigureMeasures.Outcomes
            .Select(o => (o.Measure, Match: o.Pattern.Match(after)))
            .Where(o => o.Match.Success)
            .OrderBy(o => o.Match.Index)
            .FirstOrDefault();
        // "225 died, including 19 police officers", "of the dead, 19 were police officers"
        var leadPart = previous is not null && PartLead().IsMatch(Tail(lead));
        var prefixPart = FigureMeasures.PartOf.Where(p => p.Pattern.IsMatch(ClauseTail(prefix))).Select(p => p.Measure).FirstOrDefault();
        if (outcome.Match is { } match)
        {
            var part = leadPart || prefixPart == outcome.Measure;
            return (outcome.Measure, part, after[..match.Index]);
        }

        if (leadPart)
        {
            return (previous, true, after);
        }

        if (prefixPart is not null)
        {
            return (prefixPart, true, after);
        }

        var before = lead[(lead.LastIndexOfAny([',', ';', ':']) + 1)..];
        var backward = FigureMeasures.OutcomesBefore.FirstOrDefault(o => o.Pattern.IsMatch(before)).Measure;
        // "7,939 detained, up from about 5,800": the older figure counts what the newer one does.
        return backward is null && previous is not null && Background.IsRetoldAfter(Tail(lead)) ? (previous, false, after) : (backward, false, after);
    }

    private static Match? PartOfAt(Regex pattern, string after)
    {
        var match = pattern.Match(after);
        return match.Success && after[..match.Index].Trim().Length == 0 ? match : null;
    }

    /// <summary>The prefix's words since its last full clause boundary: a part's lead names its whole in the same sentence.</summary>
    private static string ClauseTail(string prefix) => prefix[(prefix.LastIndexOf(';') + 1)..];

    /// <summary>
    /// The place a count is limited to: "103 died in Almaty", "including 103 in the largest city Almaty", "in
    /// Almaty alone, 103 people". A country is no limit, and "in Almaty and other cities" names no one place.
    /// </summary>
    private static string? PlaceOf(string sentence, List<EntityMention> places, List<Quantity> quantities, int index, (int Start, int End) window)
    {
        foreach (var place in places.Where(p => p.Start >= window.Start && p.End <= window.End).OrderBy(p => p.Start))
        {
            if (InPlace().IsMatch(sentence[window.Start..place.Start]) && PlaceEnd().IsMatch(sentence[place.End..]))
            {
                return place.EntityId;
            }
        }

        var from = index > 0 ? quantities[index - 1].End : 0;
        return places
            .Where(p => p.Start >= from && p.End <= quantities[index].Start)
            .Where(p => PlaceLead().IsMatch(Tail(sentence[..p.Start])) && PlaceAlone().IsMatch(sentence[p.End..]))
            .Select(p => p.EntityId)
            .LastOrDefault();
    }

    /// <summary>The words after a number up to the next number, the clause's end or <see cref="Reach"/>.</summary>
    private static string Window(string sentence, int start, int next)
    {
        var end = Math.Min(Math.Min(next, sentence.Length), start + Reach);
        var window = sentence[start..end];
        var stop = window.IndexOfAny([',', ';', ':', '(']);
        return stop < 0 ? window : window[..stop];
    }

    /// <summary>The source a reporter cites outranks the reporter; otherwise the attribution nearest the figure.</summary>
    private static Attribution? Nearest(IReadOnlyList<Attribution> attributions, Quantity quantity) =>
        attributions.OrderByDescending(a => a.Cited).ThenBy(a => a.End <= quantity.Start ? quantity.Start - a.End : Math.Abs(a.Start - quantity.End)).FirstOrDefault();

    /// <summary>The entity the attribution names, an organisation or person before the country it belongs to.</summary>
    private static string AttributedTo(IReadOnlyList<EntityMention> entities, int sentenceStart, Attribution attribution)
    {
        var (start, end) = (sentenceStart + attribution.Start, sentenceStart + attribution.End);
        var named = entities.Where(e => e.Start < end && start < e.End)
            .OrderBy(e => e.Kind == EntityKind.Country)
            .ThenByDescending(e => e.Length)
            .FirstOrDefault();
        return named?.EntityId ?? attribution.Text;
    }

    [GeneratedRegex(@"^(?:1[89]|20)\d\d$")]
    private static partial Regex YearLike();

    [GeneratedRegex(@"^\s*(?:%|percent|per\s+cent|процент\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex Percent();

    [GeneratedRegex(@"^\s*(?:to|до|auf|à|a)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeJoint();

    [GeneratedRegex(@"\b(?:rose|risen|raised|raises|increased|climbed|jumped|grew|revised|fell|dropped|lowered|went\s+up|вырос\w*|возрос\w*|увеличил\w*|снизил\w*|сократил\w*|gestiegen|stieg|passé|pasó)\b.*\b(?:from|с|von|de)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountChange();

    [GeneratedRegex(@"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|включая|в\s+том\s+числе|среди\s+них|из\s+них|darunter|davon|dont|parmi\s+eux|entre\s+ellos|de\s+ellos|de\s+los\s+cuales|tra\s+cui|di\s+cui)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartLead();

    [GeneratedRegex(@"\b(?:including|among\s+them|включая|в\s+том\s+числе|среди\s+них|darunter|dont|parmi\s+eux|entre\s+ellos|tra\s+cui)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NestedPart();

    [GeneratedRegex(@"^\W*(?:among|среди|unter|parmi|entre|tra)\s+[^,;:]{2,60}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GroupOpening();

    [GeneratedRegex(@"^\s*(?:of\s+(?:them|whom)|из\s+них|davon|dont|de\s+ellos|di\s+cui)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartAfter();

    [GeneratedRegex(@"^\s*(?:,|and|or|и|и\s+еще|y|et|und|e)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListJoint();

    // "in", then up to four words that are not a list ("the largest city", "the city of").
    [GeneratedRegex(@"\b(?:in|at|в|во|à|en|a|im|nella|nel)\s+(?:(?!and\b|or\b|и\b)[\w'’-]+\s+){0,4}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InPlace();

    // What may follow a place a count is limited to: not "and other cities", not a noun it qualifies ("Almaty clashes").
    [GeneratedRegex(@"^(?:\s*$|\s*[,.;:()—–]|\s+(?:alone|only|city|region|province|oblast|on|during|since|by|as|where|after|over|last|this|until|when|while|according|said|says|одн\w+|в\s+ходе|с\s+начала)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceEnd();

    [GeneratedRegex(@"\b(?:in|в|à|en|in)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceLead();

    [GeneratedRegex(@"^\s+(?:alone|only|одн(?:ой|ом|их)|seule?s?|sol[oa]|allein)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceAlone();
}
