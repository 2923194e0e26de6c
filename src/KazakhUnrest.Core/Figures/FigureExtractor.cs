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
            var changes = Changes(sentence.Text, quantities);
            for (var i = 0; i < quantities.Count; i++)
            {
                var quantity = quantities[i];
                var currency = quantity.Currency ?? changes.GetValueOrDefault(i).Currency;
                var measure = currency is not null
                    ? PriceMeasure(sentence.Text)
                    : CountMeasure(sentence.Text, quantities, i);
                if (measure is null)
                {
                    continue;
                }

                var unit = currency ?? (measure == FigureMeasures.TroopsDeployed ? "troops" : "people");
                var attribution = Nearest(attributions, quantity);
                var date = sentenceDates.MinBy(d => Math.Abs(d.Start - (sentence.Start + quantity.Start)))?.Date;
                figures.Add(new Figure(
                    measure, quantity.Low, quantity.High, quantity.Qualifier, quantity.Vague, unit,
                    changes.GetValueOrDefault(i).Change,
                    attribution is null ? null : AttributedTo(entities, sentence.Start, attribution),
                    attribution?.Text, date,
                    sentence.Start + quantity.Start, quantity.End - quantity.Start, sentence.Text[quantity.Start..quantity.End],
                    sentence.Start, sentence.Length, sentence.Text));
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
    /// money are a change; the first takes the second's currency when it prints none.
    /// </summary>
    private static Dictionary<int, (string? Change, string? Currency)> Changes(string sentence, List<Quantity> quantities)
    {
        var changes = new Dictionary<int, (string?, string?)>();
        for (var i = 0; i + 1 < quantities.Count; i++)
        {
            var (first, second) = (quantities[i], quantities[i + 1]);
            if (first.Vague is not null || second.Vague is not null || (first.Currency ?? second.Currency) is not { } currency)
            {
                continue;
            }

            if (!ChangeJoint().IsMatch(sentence[first.End..second.Start]))
            {
                continue;
            }

            changes[i] = ("from", first.Currency ?? currency);
            changes[i + 1] = ("to", second.Currency);
            i++;
        }
        return changes;
    }

    private static string? PriceMeasure(string sentence) =>
        FigureMeasures.PerLitre.IsMatch(sentence) && !FigureMeasures.OtherPriceUnit.IsMatch(sentence) ? FigureMeasures.PricePerLitre : null;

    private static string? CountMeasure(string sentence, List<Quantity> quantities, int index)
    {
        var quantity = quantities[index];
        var after = Window(sentence, quantity.End, index + 1 < quantities.Count ? quantities[index + 1].Start : sentence.Length);
        var outcome = FigureMeasures.Outcomes
            .Select(o => (o.Measure, Match: o.Pattern.Match(after)))
            .Where(o => o.Match.Success)
            .OrderBy(o => o.Match.Index)
            .FirstOrDefault();
        string? measure;
        string counted;
        if (outcome.Match is { } match)
        {
            measure = outcome.Measure;
            counted = after[..match.Index];
        }
        else
        {
            var before = sentence[(index > 0 ? quantities[index - 1].End : 0)..quantity.Start];
            before = before[(before.LastIndexOfAny([',', ';', ':']) + 1)..];
            measure = FigureMeasures.OutcomesBefore.FirstOrDefault(o => o.Pattern.IsMatch(before)).Measure;
            counted = after;
            if (measure is null && FigureMeasures.Troops.IsMatch(after) && FigureMeasures.Deployment.IsMatch(sentence))
            {
                return FigureMeasures.TroopsDeployed;
            }
        }
        return measure switch
        {
            FigureMeasures.Killed when FigureMeasures.ArmedCriminals.IsMatch(counted) => FigureMeasures.KilledArmedCriminals,
            FigureMeasures.Killed when FigureMeasures.SecurityForces.IsMatch(counted) => FigureMeasures.KilledSecurityForces,
            FigureMeasures.Injured when FigureMeasures.Police.IsMatch(counted) => FigureMeasures.InjuredPolice,
            FigureMeasures.Injured when FigureMeasures.SecurityForces.IsMatch(counted) => FigureMeasures.InjuredSecurityForces,
            _ => measure,
        };
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

    [GeneratedRegex(@"^\s*(?:to|до)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeJoint();
}
