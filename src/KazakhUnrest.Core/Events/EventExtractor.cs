using System.Text.RegularExpressions;
using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Text;

namespace KazakhUnrest.Core.Events;

/// <summary>
/// Finds the sentences of an article that report something happening on a day: a trigger from
/// <see cref="EventKinds"/>, a date of day precision (or a week span such as "over the weekend"), and no
/// sign that the happening is still to come.
/// </summary>
public static partial class EventExtractor
{
    /// <summary>How far before a trigger a "will" or "agreed to" still governs it.</summary>
    private const int FutureReach = 40;

    /// <summary>How many sentences back "shared the news on Monday" may date the news it refers to.</summary>
    private const int AnaphoraReach = 2;

    /// <summary>
    /// The longest span, in days after its first, that still dates a happening: a weekend (Saturday to Sunday). "Last
    /// week" or "earlier this month" is a period the report refers to, not the day of what it tells.
    /// </summary>
    private const int MaxSpanDays = 2;

    /// <summary>How far before a date a "since" that opens it is looked for ("since late on Wednesday").</summary>
    private const int SinceReach = 16;

    /// <summary>A line this short without closing punctuation is a subheading, and the story's day does not carry past it.</summary>
    private const int HeadingLength = 80;

    /// <param name="entities">Mentions found in the same <paramref name="text"/>, which supply each event's actors and places.</param>
    public static IReadOnlyList<EventMention> Extract(string text, DateOnly? published, IReadOnlyList<EntityMention> entities) =>
        Extract(text, DateResolver.Resolve(text, published), entities, published);

    /// <summary>For a caller that already resolved the article's dates (<see cref="DateResolver.Resolve"/> over the same text).</summary>
    /// <param name="published">
    /// The report's day: an undated message or call it reports ("Xi said in a message to Mr. Tokayev") is taken as
    /// that day's news, marked inferred. Wire reports carry such messages the day they are made public.
    /// </param>
    public static IReadOnlyList<EventMention> Extract(string text, IReadOnlyList<DateMention> dates, IReadOnlyList<EntityMention> entities,
        DateOnly? published = null)
    {
        var sentences = Sentences.Split(text);
        var datesBySentence = dates.Where(d => d.Sentence >= 0).ToLookup(d => d.Sentence);
        var year = published?.Year ?? dates.Where(d => d.Precision is DatePrecision.Day or DatePrecision.PartOfDay).Select(d => (int?)d.Date.Year).Max();
        var events = new List<EventMention>();
        var done = new HashSet<(int Sentence, string Kind)>();
        DateMention? storyDay = null;
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            if (IsHeading(sentence.Text))
            {
                storyDay = null;
                continue;
            }
            var triggers = Triggers(sentence.Text);
            var periods = PastPeriods(sentence.Text, year);
            var inSentence = datesBySentence[i].OrderBy(d => d.Start).ToList();
            var usable = inSentence.Where(IsADay).ToList();
            if (usable.Count == 0)
            {
                if (periods.Count > 0 || inSentence.Any(d => !d.Dateline))
                {
                    // A sentence about another time ("in December 2011", "a decade ago", "last week's unrest") takes
                    // no day from the report, and the report's day does not carry past it.
                    storyDay = null;
                    continue;
                }

                // A report that names the day once and then goes on with what happened keeps that day,
                // but only for triggers specific enough to stand on an inherited date.
                if (storyDay is not null)
                {
                    foreach (var trigger in Inheriting(sentence.Text, triggers))
                    {
                        Add(events, done, i, sentence, trigger, storyDay, inferred: true, entities);
                    }
                }

                // A wire lead ("ALMATY, Jan 5 (Reuters) - The government resigned.") tells the news of its dateline's day.
                if (inSentence.FirstOrDefault(d => d.Dateline) is { } dateline)
                {
                    foreach (var trigger in Chosen(triggers))
                    {
                        Add(events, done, i, sentence, trigger, dateline, inferred: true, entities);
                    }

                    storyDay = dateline;
                }

                if (published is { } day)
                {
                    var reportDay = new DateMention(sentence.Start, 0, "", day, day, DatePrecision.Day, null, i, sentence.Start, sentence.Length, true);
                    foreach (var trigger in triggers.Where(t => t.Kind is EventKinds.Message or EventKinds.Call))
                    {
                        Add(events, done, i, sentence, trigger, reportDay, inferred: true, entities);
                    }
                }

                continue;
            }
            var chosen = Chosen(triggers);
            if (chosen.Count == 0 && OtherVerb(sentence.Text, usable) is { } verb)
            {
                chosen.Add(verb);
            }

            foreach (var (trigger, date) in Pair(sentence, chosen, usable, periods, text))
            {
                Add(events, done, i, sentence, trigger, date, inferred: false, entities);
            }

            if (chosen.All(t => EventKinds.IsReporting(t.Kind)) && Anaphor().IsMatch(sentence.Text))
            {
                DateWhatWasReported(sentences, datesBySentence, i, usable[0], events, done, entities);
            }

            // A "since" day starts a state ("has not appeared since December 28"); the report does not go on telling that day.
            storyDay = usable[^1].Precision is DatePrecision.Day or DatePrecision.PartOfDay && !IsSince(usable[^1], text) ? usable[^1] : null;
        }
        return events.OrderBy(e => e.SentenceStart).ThenBy(e => e.Kind, StringComparer.Ordinal).ToList();
    }

    /// <summary>The triggers a dated sentence reports: the specific ones, else the reporting ones ("said").</summary>
    private static List<Trigger> Chosen(List<Trigger> triggers)
    {
        var chosen = Specific(triggers).ToList();
        return chosen.Count > 0 ? chosen : triggers.Where(t => EventKinds.IsReporting(t.Kind)).ToList();
    }

    /// <summary>
    /// A date that can be the day of a happening: a day or part of one, or a span no longer than a weekend ("over the
    /// weekend"). A week or a month ("last week's unrest", "earlier this month") names a period, and a dateline the day
    /// the report was written.
    /// </summary>
    private static bool IsADay(DateMention date) =>
        !date.Dateline && date.Precision is not DatePrecision.Month && date.End.DayNumber - date.Date.DayNumber < MaxSpanDays;

    /// <summary>
    /// Where the sentence names a time before the report's year or a period past ("in December 2011", "since 2019",
    /// "a decade ago", "a week ago", "last year"), as offsets in the sentence. A trigger nearer to one of them than to any day is
    /// background, told of that other time.
    /// </summary>
    private static List<(int Start, int End)> PastPeriods(string sentence, int? year)
    {
        var found = new List<(int, int)>();
        foreach (Match match in PastPeriod().Matches(sentence))
        {
            var printed = match.Groups["year"];
            if (!printed.Success || (year is { } current && int.Parse(printed.Value, System.Globalization.CultureInfo.InvariantCulture) < current))
            {
                found.Add((match.Index, match.Index + match.Length));
            }
        }
        return found;
    }

    /// <summary>
    /// "China will help. Wang Yi shared the news on Monday.": the dated sentence only reports, so its day
    /// belongs to the news a sentence or two before it, which no date of its own placed.
    /// </summary>
    private static void DateWhatWasReported(
        IReadOnlyList<Sentence> sentences, ILookup<int, DateMention> datesBySentence, int reporting, DateMention day,
        List<EventMention> events, HashSet<(int, string)> done, IReadOnlyList<EntityMention> entities)
    {
        for (var j = reporting - 1; j >= 0 && j >= reporting - AnaphoraReach; j--)
        {
            if (datesBySentence[j].Any() || IsHeading(sentences[j].Text))
            {
                return;
            }

            var specific = Inheriting(sentences[j].Text, Triggers(sentences[j].Text)).ToList();
            foreach (var trigger in specific)
            {
                Add(events, done, j, sentences[j], trigger, day, inferred: true, entities);
            }

            if (specific.Count > 0)
            {
                return;
            }
        }
    }

    private static void Add(
        List<EventMention> events, HashSet<(int, string)> done, int index, Sentence sentence, Trigger trigger, DateMention date,
        bool inferred, IReadOnlyList<EntityMention> entities)
    {
        if (!done.Add((index, trigger.Kind)))
        {
            return;
        }

        var named = entities.Where(e => e.Start >= sentence.Start && e.End <= sentence.End).ToList();
        events.Add(new EventMention(
            trigger.Kind, date.Date, date.End, date.Precision, date.PartOfDay, inferred,
            sentence.Start, sentence.Length, sentence.Text, trigger.Text,
            Ids(named.Where(e => e.Kind is not EntityKind.Place)),
            Ids(named.Where(e => e.Kind is EntityKind.Place)),
            Ids(named.Where(e => e.Kind is EntityKind.Country)),
            EventHeading.Of(sentence.Text),
            date.Text));
    }

    private static List<string> Ids(IEnumerable<EntityMention> mentions) =>
        mentions.Select(e => e.EntityId).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>A trigger match; <see cref="AnchorStart"/>..<see cref="AnchorEnd"/> is its verb when the pattern marks one, else the whole match.</summary>
    private sealed record Trigger(string Kind, int Start, int End, string Text, int AnchorStart, int AnchorEnd);

    /// <summary>Every trigger of the sentence that is not governed by a future or a plan ("will deploy", "agreed to deploy").</summary>
    private static List<Trigger> Triggers(string sentence)
    {
        var found = new List<Trigger>();
        foreach (var (kind, pattern) in EventKinds.Lexicon)
        {
            for (var match = pattern.Match(sentence); match.Success; match = match.NextMatch())
            {
                var verb = match.Groups["v"];
                var anchor = verb.Success ? verb : (Group)match;
                var before = sentence[Math.Max(0, anchor.Index - FutureReach)..anchor.Index];
                var future = Future().IsMatch(before) || FutureAfter().IsMatch(sentence.AsSpan(match.Index + match.Length, Math.Min(FutureReach, sentence.Length - match.Index - match.Length)));
                if ((future && !EventKinds.IsScheduled(kind)) || Background().IsMatch(sentence[Math.Max(0, match.Index - FutureReach)..match.Index]))
                {
                    continue;
                }

                found.Add(new Trigger(kind, match.Index, match.Index + match.Length, match.Value, anchor.Index, anchor.Index + anchor.Length));
            }
        }
        return found;
    }

    private static IEnumerable<Trigger> Specific(IEnumerable<Trigger> triggers) => triggers.Where(t => !EventKinds.IsReporting(t.Kind));

    /// <summary>
    /// Triggers that may take a day from a neighbouring sentence. Not those of a present-perfect sentence
    /// ("4,000 people have been detained"), which counts up to the day of writing, and not those in a
    /// clause that looks back ("after the government lifted price controls"), whose day is another one;
    /// such a clause runs to the next comma ("Following the lifting of price controls, prices doubled").
    /// </summary>
    private static IEnumerable<Trigger> Inheriting(string sentence, IEnumerable<Trigger> triggers) =>
        PresentPerfect().IsMatch(sentence)
            ? []
            : Specific(triggers).Where(t => !ClauseBoundary().IsMatch(sentence[(sentence.LastIndexOf(',', Math.Max(0, t.Start - 1)) + 1)..t.Start]));

    /// <summary>
    /// Each kind gets one date, nearest first; while there are dates to go round, a date already taken
    /// stays with the nearer trigger, so in "rallies began on January 2, as prices rose since January 1"
    /// each happening keeps its own day. A trigger nearer to a past period than to the date is background.
    /// </summary>
    private static List<(Trigger Trigger, DateMention Date)> Pair(Sentence sentence, List<Trigger> triggers, List<DateMention> dates,
        List<(int Start, int End)> periods, string text)
    {
        var candidates = triggers
            .SelectMany(t => dates.Select(d => (Trigger: t, Date: d, Distance: Distance(t, d.Start - sentence.Start, d.Start - sentence.Start + d.Length))))
            .Where(pair => !Blocked(sentence.Text, pair.Trigger, pair.Date, sentence.Start, text))
            .Where(pair => !periods.Any(p => Distance(pair.Trigger, p.Start, p.End) < pair.Distance))
            .OrderBy(pair => pair.Distance).ThenBy(pair => pair.Trigger.Start).ThenBy(pair => pair.Date.Start)
            .ToList();
        var pairs = new List<(Trigger, DateMention)>();
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var taken = new HashSet<DateMention>(ReferenceEqualityComparer.Instance);
        foreach (var unique in new[] { true, false })
        {
            foreach (var (trigger, date, _) in candidates)
            {
                if ((unique && taken.Contains(date)) || !kinds.Add(trigger.Kind))
                {
                    continue;
                }

                taken.Add(date);
                pairs.Add((trigger, date));
            }
        }
        return pairs;
    }

    /// <summary>Characters between a trigger and a span of its sentence; zero when the span sits inside the trigger ("asked the CSTO on Wednesday for help").</summary>
    private static int Distance(Trigger trigger, int start, int end) =>
        Math.Max(0, Math.Max(start - trigger.AnchorEnd, trigger.AnchorStart - end));

    /// <summary>
    /// A date belongs to its own clause: in "protests continued on Wednesday despite the president sacking
    /// the government" Wednesday does not date the sacking. A preposition that opens the date itself
    /// ("rose ... since January 1") is not a clause boundary. A "since" date starts the state told before it
    /// ("cut off since Wednesday"), not a happening told after it ("..., returned on Saturday").
    /// </summary>
    private static bool Blocked(string sentence, Trigger trigger, DateMention date, int sentenceStart, string text)
    {
        var start = date.Start - sentenceStart;
        var end = start + date.Length;
        if (end <= trigger.Start)
        {
            return ClauseBoundary().IsMatch(sentence[end..trigger.Start]) || IsSince(date, text);
        }

        if (start >= trigger.End)
        {
            return ClauseBoundary().IsMatch(DatePreposition().Replace(sentence[trigger.End..start], ""));
        }

        return false;
    }

    private static bool IsSince(DateMention date, string text) =>
        Since().IsMatch(text.AsSpan(Math.Max(0, date.Start - SinceReach), Math.Min(SinceReach, date.Start)));

    /// <summary>
    /// A dated sentence no lexicon entry knows still reports something: the past-tense verb nearest the
    /// date names it, so an unknown kind of event groups with other reports using the same verb.
    /// </summary>
    private static Trigger? OtherVerb(string sentence, IReadOnlyList<DateMention> dates)
    {
        if (dates.Count == 0)
        {
            return null;
        }

        var anchor = dates[0].Start - dates[0].SentenceStart;
        Trigger? nearest = null;
        var distance = int.MaxValue;
        for (var match = PastVerb().Match(sentence); match.Success; match = match.NextMatch())
        {
            if (Future().IsMatch(sentence[Math.Max(0, match.Index - FutureReach)..match.Index]))
            {
                continue;
            }

            var gap = Math.Abs(match.Index - anchor);
            if (gap >= distance)
            {
                continue;
            }

            distance = gap;
            var stem = match.Groups["en"].Success ? match.Groups["en"].Value : match.Groups["ru"].Value;
            nearest = new Trigger(EventKinds.Other + ":" + stem.ToLowerInvariant(), match.Index, match.Index + match.Length, match.Value, match.Index, match.Index + match.Length);
        }
        return nearest;
    }

    private static bool IsHeading(string sentence)
    {
        var trimmed = sentence.TrimEnd();
        return trimmed.Length < HeadingLength && trimmed.Length > 0 && !".!?\"'”’»…)".Contains(trimmed[^1], StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(?:will|won't|would|shall|may|might|could|plans?|planned|planning|intends?|intended|agreed|decided|going\s+to|expected\s+to|(?:is|are|was|were)\s+to|due\s+to|scheduled|будет|будут|состоится|планиру\w*|намерен\w*|собира\w*|может|могут|договорил\w*|решил\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Future();

    /// <summary>
    /// A happening named as the cause or topic of another ("a protest against a surge in fuel prices",
    /// "unrest sparked by a price hike") is background: the sentence's date belongs to the other one.
    /// </summary>
    [GeneratedRegex(@"\b(?:against|over|amid|about|by|since|против|из-за|на\s+фоне|с\s+тех\s+пор\s+как|с\s+начала)\s+(?:(?:a|an|the)\s+)?(?:\w+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Background();

    [GeneratedRegex(@"\b(?:after|despite|following|before|since|because|amid|although|though|while|whereas|until|which|who|when|where|but|после|несмотря|хотя|пока|который|которая|которые|когда|где|но)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBoundary();

    [GeneratedRegex(@"\b(?:since|after|before|until|by|from|on|in|at|during|с|до|после|в|во)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatePreposition();

    [GeneratedRegex(@"\b(?:the|this|that)\s+(?:news|comments?|announcement|decision|statement|remarks?|offer|move)\b|\bоб\s+этом\b|\bэто\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Anaphor();

    [GeneratedRegex(@"\b(?!(?:hundred|kindred|sacred|naked|wicked|rugged|ragged|crooked|jagged|wretched|hatred|indeed|embed|speed|breed|greed|creed|bleed|succeed|exceed|proceed)\b)(?<en>[a-z]{3,}?)ed\b|\b(?<ru>[а-яё]{3,}?)(?:ил|ал|ял|ел|ул)(?:а|о|и)?(?:сь|ся)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastVerb();

    [GeneratedRegex(@"\b(?:has|have|had)\s+(?:(?:not|also|already|now|reportedly|nearly|almost|since)\s+)?(?:been|\w+ed|risen|seen|grown|fallen|taken|given|shown|begun)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PresentPerfect();

    /// <summary>
    /// A future right after the trigger: "the withdrawal of the troops will begin", "troops start to be pulled out in two
    /// days", "вывод войск начнётся
    /// через два дня" (a Russian perfective future has no "будет" before it).
    /// </summary>
    [GeneratedRegex(@"^[\s’'""”»]*(?:\w+\s+){0,3}?(?:will|would|should|(?:(?:is|are)\s+)?(?:expected|set|due|scheduled|going)\s+to|(?:is|are)\s+to|in\s+(?:a|one|two|three|four|five|ten|a\s+few|\d{1,2})\s+days|начн[её]тся|начнут\w*|завершится|завершат\w*|продлится|займ[её]т|состоится)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FutureAfter();

    [GeneratedRegex(@"\b(?:since|с|seit|depuis|desde|dal)\s+(?:(?:late|early)\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Since();

    /// <summary>
    /// Times long past: "a decade ago", "years earlier", "a week ago" (a period, not a day), "last year", a year ("in 2011", "since 2019", "in December
    /// 2011", "в 2011 году", "в декабре 2011"), which <see cref="PastPeriods"/> keeps when it is before the report's.
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d{1,3})\s+)?(?:decades?|years?)\s+(?:ago|earlier|before|later)\b"
        + @"|\b(?:last|previous)\s+year\b|\b(?:лет|года?|десятилети\w*)\s+назад\b|\bв\s+прошлом\s+году\b"
        + @"|\b(?:in|since|of|from|until|by|during|before)\s+(?:(?:early|late|mid-?)\s*)?(?:" + MonthNames.PrintedPattern + @"\s+)?(?<year>(?:19|20)\d{2})\b"
        + @"|\b(?:в|с|до)\s+(?:[а-яё]+е\s+)?(?<year>(?:19|20)\d{2})\b(?:\s+год\w*)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastPeriod();
}
