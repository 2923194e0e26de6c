using System.Globalization;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Text;
using CleaningDates = KazakhUnrest.Core.Cleaning.Dates;

namespace KazakhUnrest.Core.Dates;

/// <summary>
/// Finds the date expressions of an article ("January 5", "late on Tuesday", "over the weekend", "вчера")
/// and resolves them against its publication day, the way a reader of that day would.
/// </summary>
public static partial class DateResolver
{
    private const int WeekDays = 7;

    /// <summary>
    /// A printed month and day without a year lies at most this far after the day it is read against (a
    /// report announces what is coming within weeks, not a year ahead) and less than a year before it.
    /// </summary>
    private const int MonthsAhead = 2;

    /// <summary>
    /// A dateline day at most this many days before publication is the day the report was written: a wire text
    /// republished a day or two later keeps its dateline, and its "yesterday" still counts from it. A dateline further
    /// back is more likely a misread or an archive page, so the publication day is the reference.
    /// </summary>
    private const int DatelineLagDays = 7;

    /// <summary>The first paragraphs of a report that may open with its dateline (page furniture can come before it).</summary>
    private const int DatelineParagraphs = 3;

    /// <summary>
    /// Resolves every date expression of <paramref name="text"/>. Relative ones ("on Sunday", "yesterday", "в среду")
    /// count from the day the report was written: its dateline's day ("ALMATY, Jan 5 (Reuters) -") when that is at most
    /// <see cref="DatelineLagDays"/> before <paramref name="published"/>, else the publication day, else the dateline's
    /// day when it prints a year; with neither they stay unresolved (no mention), since guessing would date them wrongly.
    /// </summary>
    public static IReadOnlyList<DateMention> Resolve(string text, DateOnly? published)
    {
        var sentences = Sentences.Split(text);
        var mentions = new List<DateMention>();
        var expressions = Expressions(text);
        var (dateline, datelineDay) = Dateline(text, expressions, published);
        var reference = ReferenceDay(datelineDay, published);
        DateOnly? previous = null;
        foreach (var expression in expressions)
        {
            var future = IsFuture(text, sentences, expression.Start, expression.End);
            var resolved = expression.Printed is { } printed
                ? Printed(printed, expression.Weekday, reference is { } day ? (m, d) => InYearAround(m, d, day, MonthsAhead) : null)
                : reference is { } anchor ? Relative(expression.Weekday!, anchor, future, previous) : null;
            if (ReferenceEquals(expression, dateline))
            {
                resolved = datelineDay is { } written ? Resolved.Day(written) : null;
            }

            if (resolved is not { } when)
            {
                continue;
            }

            var index = Sentences.IndexAt(sentences, expression.Start);
            var sentence = index >= 0 ? sentences[index] : new Sentence(expression.Start, expression.End - expression.Start, "");
            mentions.Add(new DateMention(
                expression.Start, expression.End - expression.Start, text[expression.Start..expression.End],
                when.Date, when.End, when.Precision, when.Part,
                index, sentence.Start, sentence.Length, Relative: expression.Printed is null, Dateline: ReferenceEquals(expression, dateline)));
            if (when.Precision is DatePrecision.Day or DatePrecision.PartOfDay)
            {
                previous = when.Date;
            }
        }
        return mentions;
    }

    /// <summary>
    /// The printed date inside the dateline that opens one of the first paragraphs, and its day: in the year that
    /// puts it on or before publication (a report is not filed after it is published), or as printed with a year.
    /// </summary>
    private static (Expression? Expression, DateOnly? Day) Dateline(string text, List<Expression> expressions, DateOnly? published)
    {
        var start = 0;
        for (var paragraph = 0; paragraph < DatelineParagraphs && start < text.Length; paragraph++)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            end = end < 0 ? text.Length : end;
            var length = Extraction.Dateline.Length(text[start..end]);
            if (length > 0)
            {
                var inside = expressions.FirstOrDefault(e => e.Printed is not null && e.Start >= start && e.End <= start + length);
                if (inside is null)
                {
                    return (null, null);
                }

                var day = Printed(inside.Printed!, null, published is { } p ? (m, d) => InYearAround(m, d, p, 0) : null);
                return (inside, day?.Date);
            }

            start = end + 2;
        }

        return (null, null);
    }

    /// <summary>
    /// The day of the dateline that opens the text ("NUR-SULTAN, January 15. /TASS/ -"), one printed without a year
    /// placed in the year that puts it at most <see cref="MonthsAhead"/> after <paramref name="near"/>; null without a dateline.
    /// </summary>
    public static DateOnly? DatelineDay(string text, DateOnly near) =>
        Dateline(text, Expressions(text), null).Expression?.Printed is { } printed
            ? Printed(printed, null, (m, d) => InYearAround(m, d, near, MonthsAhead))?.Date
            : null;

    /// <summary>The day relative expressions count from; see <see cref="Resolve"/>.</summary>
    private static DateOnly? ReferenceDay(DateOnly? dateline, DateOnly? published) => (dateline, published) switch
    {
        ({ } written, { } publication) when written <= publication && publication.DayNumber - written.DayNumber <= DatelineLagDays => written,
        (_, { } publication) => publication,
        ({ } written, null) => written,
        _ => null,
    };

    /// <summary>
    /// The day an undated article was published on at the earliest, from its text alone; the caller must
    /// keep it marked as inferred. The anchors are the printed dates that carry a year, and month-days
    /// without one placed in the year around the latest of them (or around the capture day, which the
    /// article cannot postdate). Weekdays the report uses for past events ("on Monday") are taken as the
    /// occurrence nearest the latest anchor, or the one on or before the capture day when nothing is
    /// printed. The latest of all these is the answer. Dates in sentences about the future, and anything
    /// after the capture day, are not evidence. Without an anchor nothing is inferred: guessing a year is
    /// not safe.
    /// </summary>
    public static DateOnly? InferPublished(string text, DateOnly? capturedOn = null)
    {
        var sentences = Sentences.Split(text);
        var past = Expressions(text).Where(e => !IsFuture(text, sentences, e.Start, e.End)).ToList();
        var printed = past.Where(e => e.Printed is not null).Select(e => e.Printed!).ToList();
        var anchors = printed
            .Select(match => Printed(match, null, capturedOn is { } on ? (m, d) => InYearAround(m, d, on, 0) : null))
            .OfType<Resolved>().Select(resolved => resolved.End)
            .Where(day => day <= capturedOn || capturedOn is null)
            .ToList();
        if (capturedOn is null && anchors.Count > 0)
        {
            var latest = anchors.Max();
            anchors.AddRange(printed
                .Where(match => !match.Groups["year"].Success && !match.Groups["iy"].Success && !match.Groups["ny"].Success)
                .Select(match => Printed(match, null, (m, d) => InYearAround(m, d, latest, MonthsAhead)))
                .OfType<Resolved>().Select(resolved => resolved.End));
        }
        var weekdays = past
            .Where(e => e.Printed is null && e.Weekday!.Groups["wd"].Success && !e.Weekday.Groups["dir"].Success && !e.Weekday.Groups["nextweek"].Success)
            .Select(e => Enum.Parse<DayOfWeek>(e.Weekday!.Groups["wd"].Value))
            .Concat(past.Where(e => e.Printed is null && e.Weekday!.Groups["ruwd"].Success).Select(e => RussianWeekday(e.Weekday!.Groups["ruwd"].Value)));
        var days = anchors.Count > 0
            ? weekdays.Select(day => Nearest(day, anchors.Max()))
            : capturedOn is { } capture ? weekdays.Select(day => OnOrBefore(day, capture)) : [];
        var all = anchors.Concat(days).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var inferred = all.Max();
        return inferred > capturedOn ? null : inferred;
    }

    private sealed record Expression(int Start, int End, Match? Printed, Match? Weekday);

    private readonly record struct Resolved(DateOnly Date, DateOnly End, DatePrecision Precision, PartOfDay? Part)
    {
        public static Resolved Day(DateOnly date, PartOfDay? part = null) =>
            new(date, date, part is null ? DatePrecision.Day : DatePrecision.PartOfDay, part);

        public static Resolved Span(DateOnly first, DateOnly last, DatePrecision precision) => new(first, last, precision, null);
    }

    /// <summary>
    /// The matches in text order, a weekday directly before a printed date ("Tuesday, January 4") joined
    /// to it: the printed date wins, the weekday keeps its part of the day.
    /// </summary>
    private static List<Expression> Expressions(string text)
    {
        var expressions = new List<Expression>();
        foreach (Match match in Pattern().Matches(text))
        {
            var isPrinted = match.Groups["month"].Success || match.Groups["iy"].Success || match.Groups["ny"].Success;
            if (isPrinted && expressions.Count > 0 && expressions[^1] is { Printed: null, Weekday: { } weekday } last
                && weekday.Groups["wd"].Success && !weekday.Groups["dir"].Success && IsJoin(text.AsSpan(last.End, match.Index - last.End)))
            {
                expressions[^1] = new Expression(last.Start, match.Index + match.Length, match, weekday);
                continue;
            }
            expressions.Add(isPrinted
                ? new Expression(match.Index, match.Index + match.Length, match, null)
                : new Expression(match.Index, match.Index + match.Length, null, match));
        }
        return expressions;
    }

    private static bool IsJoin(ReadOnlySpan<char> gap)
    {
        var trimmed = gap.Trim().TrimStart(',').Trim();
        return gap.Length > 0 && gap.Length <= 6 && (trimmed.IsEmpty || trimmed.SequenceEqual("the"));
    }

    private static Resolved? Printed(Match match, Match? weekday, Func<int, int, DateOnly?>? yearFor)
    {
        var part = weekday is null ? null : PartOf(weekday);
        if (match.Groups["iy"].Success)
        {
            return Day(CleaningDates.Day(Number(match, "iy"), Number(match, "im"), Number(match, "id")), part);
        }

        if (match.Groups["ny"].Success)
        {
            return Day(CleaningDates.Day(Number(match, "ny"), Number(match, "nm"), Number(match, "nd")), part);
        }

        var month = MonthNames.Number(match.Groups["month"].Value);
        var first = match.Groups["year"].Success
            ? CleaningDates.Day(Number(match, "year"), month, Number(match, "day"))
            : yearFor?.Invoke(month, Number(match, "day"));
        if (first is not { } start)
        {
            return null;
        }

        if (!match.Groups["day2"].Success)
        {
            return Resolved.Day(start, part);
        }

        var end = CleaningDates.Day(start.Year, month, Number(match, "day2"));
        return end > start ? new Resolved(start, end.Value, DatePrecision.Day, part) : Resolved.Day(start, part);
    }

    private static Resolved? Day(DateOnly? date, PartOfDay? part) => date is { } day ? Resolved.Day(day, part) : null;

    /// <summary>The year that puts a month-day in the twelve months ending <paramref name="monthsAhead"/> after the reference.</summary>
    private static DateOnly? InYearAround(int month, int day, DateOnly reference, int monthsAhead)
    {
        var latest = reference.AddMonths(monthsAhead);
        var earliest = latest.AddMonths(-12);
        for (var year = reference.Year - 1; year <= reference.Year + 1; year++)
        {
            if (CleaningDates.Day(year, month, day) is { } date && date > earliest && date <= latest)
            {
                return date;
            }
        }
        return null;
    }

    private static Resolved? Relative(Match match, DateOnly published, bool future, DateOnly? previous)
    {
        var groups = match.Groups;
        if (groups["wd"].Success)
        {
            return Resolved.Day(Weekday(match, published, future), PartOf(match));
        }

        if (groups["ruwd"].Success)
        {
            var day = RussianWeekday(groups["ruwd"].Value);
            return Resolved.Day(future ? OnOrAfter(day, published) : OnOrBefore(day, published));
        }
        if (groups["dbyest"].Success)
        {
            return Resolved.Day(published.AddDays(-2));
        }

        if (groups["yday"].Success)
        {
            return Resolved.Day(published.AddDays(-1), groups["part"].Success ? Part(groups["part"].Value) : null);
        }

        if (groups["today"].Success)
        {
            return Resolved.Day(published);
        }

        if (groups["thispart"].Success)
        {
            return Resolved.Day(published, Part(groups["part"].Value));
        }

        if (groups["tonight"].Success)
        {
            return Resolved.Day(published, PartOfDay.Night);
        }

        if (groups["lastnight"].Success)
        {
            return Resolved.Day(published.AddDays(-1), PartOfDay.Night);
        }

        if (groups["overnight"].Success)
        {
            // "Overnight" in a report is the night that ended on its day; in a forecast, the coming night.
            var night = future ? published : published.AddDays(-1);
            return new Resolved(night, night.AddDays(1), DatePrecision.PartOfDay, PartOfDay.Overnight);
        }
        if (groups["weekend"].Success)
        {
            return Weekend(groups["wedir"].Value.ToLowerInvariant(), groups["ruwe"].Value, published, future);
        }

        if (groups["week"].Success)
        {
            return Week(groups["wkdir"].Success ? groups["wkdir"].Value : groups["ruwk"].Value, published);
        }

        if (groups["mon"].Success)
        {
            return Month(groups["mdir"].Success ? groups["mdir"].Value : groups["rumon"].Value, published);
        }

        if (groups["ago"].Success)
        {
            return DaysAway(groups["n"].Value, groups["agodir"].Value, published, previous);
        }

        if (groups["dayrel"].Success && previous is { } before)
        {
            var back = groups["drel"].Value is "previous" or "before";
            return Resolved.Day(before.AddDays(back ? -1 : 1));
        }
        return null;
    }

    /// <summary>
    /// News names the days of the current week by weekday: a bare one is the latest such day on or before
    /// publication (the same day when it falls on it, as in agency style), or the first on or after it in a
    /// sentence about the future. "Last" and "next" move past the publication day itself.
    /// </summary>
    private static DateOnly Weekday(Match match, DateOnly published, bool future)
    {
        var day = Enum.Parse<DayOfWeek>(match.Groups["wd"].Value);
        if (match.Groups["nextweek"].Success)
        {
            return WeekStart(published).AddDays(WeekDays + DaysFromMonday(day));
        }

        var direction = Words(match.Groups["dir"].Value);
        return direction switch
        {
            "next" or "coming" or "this coming" => OnOrAfter(day, published.AddDays(1)),
            "last" or "past" or "this past" => OnOrBefore(day, published.AddDays(-1)),
            _ => future ? OnOrAfter(day, published) : OnOrBefore(day, published),
        };
    }

    private static PartOfDay? PartOf(Match match)
    {
        if (match.Groups["part"].Success)
        {
            return Part(match.Groups["part"].Value);
        }

        if (match.Groups["hours"].Success)
        {
            return PartOfDay.Early;
        }

        return match.Groups["mod"].Value.ToLowerInvariant() switch
        {
            "late" => PartOfDay.Late,
            "early" => PartOfDay.Early,
            _ => null,
        };
    }

    private static PartOfDay Part(string word) => word switch
    {
        "morning" => PartOfDay.Morning,
        "afternoon" => PartOfDay.Afternoon,
        "evening" => PartOfDay.Evening,
        _ => PartOfDay.Night,
    };

    /// <summary>
    /// "Over the weekend" is the latest Saturday-Sunday that has begun by publication; "last weekend" read
    /// on a weekend is the one before; "this weekend" on a weekday and "next weekend" are still to come.
    /// </summary>
    private static Resolved Weekend(string direction, string russian, DateOnly published, bool future)
    {
        var latest = OnOrBefore(DayOfWeek.Saturday, published);
        var onWeekend = published.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var saturday = direction switch
        {
            "last" or "past" => onWeekend ? latest.AddDays(-WeekDays) : latest,
            "this" => onWeekend ? latest : latest.AddDays(WeekDays),
            "next" => latest.AddDays(WeekDays),
            _ when russian.StartsWith("прошл", StringComparison.Ordinal) => onWeekend ? latest.AddDays(-WeekDays) : latest,
            _ => future && !onWeekend ? latest.AddDays(WeekDays) : latest,
        };
        return Resolved.Span(saturday, saturday.AddDays(1), DatePrecision.Week);
    }

    /// <summary>Weeks run Monday to Sunday; "earlier this week" ends, "later this week" starts, on the publication day.</summary>
    private static Resolved Week(string direction, DateOnly published)
    {
        var monday = WeekStart(published);
        var sunday = monday.AddDays(WeekDays - 1);
        return Words(direction) switch
        {
            "last" or "прошлой" => Resolved.Span(monday.AddDays(-WeekDays), monday.AddDays(-1), DatePrecision.Week),
            "next" or "следующей" => Resolved.Span(monday.AddDays(WeekDays), sunday.AddDays(WeekDays), DatePrecision.Week),
            "earlier this" => Resolved.Span(monday, published, DatePrecision.Week),
            "later this" => Resolved.Span(published, sunday, DatePrecision.Week),
            _ => Resolved.Span(monday, sunday, DatePrecision.Week),
        };
    }

    private static Resolved Month(string direction, DateOnly published)
    {
        var first = new DateOnly(published.Year, published.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        return Words(direction) switch
        {
            "last" or "прошлом" => Resolved.Span(first.AddMonths(-1), first.AddDays(-1), DatePrecision.Month),
            "next" => Resolved.Span(first.AddMonths(1), first.AddMonths(2).AddDays(-1), DatePrecision.Month),
            "earlier this" => Resolved.Span(first, published, DatePrecision.Month),
            "later this" => Resolved.Span(published, last, DatePrecision.Month),
            _ => Resolved.Span(first, last, DatePrecision.Month),
        };
    }

    /// <summary>"Two days ago" counts from publication; "two days later" from the day last mentioned, and without one means nothing.</summary>
    private static Resolved? DaysAway(string count, string direction, DateOnly published, DateOnly? previous)
    {
        var word = count.ToLowerInvariant();
        var n = int.TryParse(count, CultureInfo.InvariantCulture, out var digits) ? digits : word == "a" ? 1 : Array.IndexOf(NumberWords, word) + 1;
        if (n <= 0)
        {
            return null;
        }

        if (direction == "ago")
        {
            return Resolved.Day(published.AddDays(-n));
        }

        if (previous is not { } from)
        {
            return null;
        }

        return Resolved.Day(from.AddDays(direction is "earlier" or "before" ? -n : n));
    }

    private static readonly string[] NumberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    private static DayOfWeek RussianWeekday(string word) => word switch
    {
        "понедельник" => DayOfWeek.Monday,
        "вторник" => DayOfWeek.Tuesday,
        "среду" => DayOfWeek.Wednesday,
        "четверг" => DayOfWeek.Thursday,
        "пятницу" => DayOfWeek.Friday,
        "субботу" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    private static int DaysFromMonday(DayOfWeek day) => ((int)day + WeekDays - 1) % WeekDays;

    private static DateOnly WeekStart(DateOnly day) => day.AddDays(-DaysFromMonday(day.DayOfWeek));

    private static DateOnly OnOrBefore(DayOfWeek day, DateOnly from) =>
        from.AddDays(-(((int)from.DayOfWeek - (int)day + WeekDays) % WeekDays));

    private static DateOnly OnOrAfter(DayOfWeek day, DateOnly from) =>
        from.AddDays(((int)day - (int)from.DayOfWeek + WeekDays) % WeekDays);

    /// <summary>A weekday near a printed date is the occurrence closest to it, before or after.</summary>
    private static DateOnly Nearest(DayOfWeek day, DateOnly anchor)
    {
        var ahead = ((int)day - (int)anchor.DayOfWeek + WeekDays) % WeekDays;
        return anchor.AddDays(ahead <= WeekDays / 2 ? ahead : ahead - WeekDays);
    }

    /// <summary>Lower case with single spaces, for "Earlier  this" split across a line.</summary>
    private static string Words(string phrase) =>
        string.Join(' ', phrase.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>
    /// A sentence speaks of the future when "will" (or "is due", "is scheduled", ...) comes before the date
    /// with no "said" between, or follows a date that opens the sentence ("On Monday, parliament will vote").
    /// "Tokayev said on Monday that troops will leave" stays in the past.
    /// </summary>
    private static bool IsFuture(string text, IReadOnlyList<Sentence> sentences, int start, int end)
    {
        var index = Sentences.IndexAt(sentences, start);
        if (index < 0)
        {
            return false;
        }

        var sentence = sentences[index];
        var before = text.AsSpan(sentence.Start, start - sentence.Start);
        var marker = -1;
        foreach (var match in FutureMarker().EnumerateMatches(before))
        {
            marker = match.Index + match.Length;
        }

        if (marker >= 0)
        {
            return !ReportVerb().IsMatch(before[marker..]);
        }

        if (before.Trim().TrimStart("\"“«'").Length > 0 || end >= sentence.End)
        {
            return false;
        }

        var after = text.AsSpan(end, sentence.End - end);
        foreach (var match in FutureMarker().EnumerateMatches(after))
        {
            return !ReportVerb().IsMatch(after[..match.Index]);
        }

        return false;
    }

    private const string WeekdayName = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

    private const string Ordinal = "(?:st|nd|rd|th)?";

    private const string DayRange = @"(?<day>\d{1,2})" + Ordinal + @"(?:\s*[-–]\s*(?<day2>\d{1,2})" + Ordinal + ")?";

    private const string PrintedDate =
        @"\b(?:[Oo]n\s+)?(?:" + MonthNames.PrintedPattern + @"\s+" + DayRange + "|" + DayRange + @"\s+(?:of\s+)?" + MonthNames.PrintedPattern + ")"
        + @"(?:,?\s+(?<year>(?:19|20)\d{2})(?:\s+года|\s+г\.)?)?(?![\w-])"
        + @"|\b(?<iy>(?:19|20)\d{2})-(?<im>\d{2})-(?<id>\d{2})\b"
        + @"|\b(?<nd>\d{1,2})\.(?<nm>\d{1,2})\.(?<ny>(?:19|20)\d{2})\b";

    private const string WeekdayPhrase =
        @"\b(?:(?<mod>[Ll]ate|[Ee]arly)\s+(?:on\s+)?|(?:(?:[Ii]n|[Ii]nto)\s+)?(?:the\s+)?(?<hours>early|small)\s+hours\s+(?:of|on)\s+|[Oo]n\s+)?"
        + @"(?:(?<dir>[Nn]ext|[Ll]ast|[Tt]his\s+past|[Tt]his\s+coming|[Tt]his|[Cc]oming|[Pp]ast)\s+)?"
        + @"(?<!\b(?:Black|Good|Cyber|Bloody)\s)(?<wd>" + WeekdayName + @")\b(?:\s+(?<part>morning|afternoon|evening|night)\b)?(?<nextweek>\s+next\s+week\b)?"
        + @"|\b[Вв]о?\s+(?<ruwd>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b";

    private const string RelativePhrase =
        @"\b(?<dbyest>[Tt]he\s+day\s+before\s+yesterday|[Пп]озавчера)\b"
        + @"|\b(?<yday>[Yy]esterday|[Вв]чера)\b(?:\s+(?<part>morning|afternoon|evening)\b)?"
        + @"|(?<!USA\s)\b(?<today>[Tt]oday|[Сс]егодня)\b"
        + @"|\b(?<thispart>[Tt]his\s+(?<part>morning|afternoon|evening))\b"
        + @"|\b(?<tonight>[Tt]onight)\b"
        + @"|\b(?<lastnight>[Ll]ast\s+night)\b"
        + @"|(?<!\b(?:[Aa]n|[Tt]he|[Aa])\s)\b(?<overnight>[Oo]vernight)\b"
        + @"|\b(?<weekend>(?:[Oo]ver|[Aa]t|[Dd]uring)\s+the\s+weekend|(?<wedir>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast)\s+weekend|[Вв]\s+(?<ruwe>эти\s+|прошлые\s+)?выходные)\b"
        + @"|\b(?<week>(?<wkdir>[Ee]arlier\s+this|[Ll]ater\s+this|[Ll]ast|[Tt]his|[Nn]ext)\s+week|[Нн]а\s+(?<ruwk>прошлой|этой|следующей)\s+неделе)\b"
        + @"|\b(?<mon>(?<mdir>[Ee]arlier\s+this|[Ll]ater\s+this|[Ll]ast|[Tt]his|[Nn]ext)\s+month|[Вв]\s+(?<rumon>прошлом|этом)\s+месяце)\b"
        + @"|\b(?<ago>(?<n>\d{1,2}|[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en)\s+days?\s+(?:(?<agodir>ago|earlier|later)\b|(?<agodir>before|after)(?=\s*[,.;:!?)]|\s*$)))"
        + @"|\b(?<dayrel>[Tt]he\s+(?<drel>previous|next|following)\s+day|[Tt]he\s+day\s+(?<drel>before|after)(?=\s*[,.;:!?)]|\s*$))";

    /// <summary>
    /// Month and weekday names must be capitalised, so "may" and "march" are never months. Printed dates
    /// come first so "January 5" is not read as anything shorter.
    /// </summary>
    [GeneratedRegex(PrintedDate + "|" + WeekdayPhrase + "|" + RelativePhrase, RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\b(?:will|won't|shall|(?:is|are)\s+due|(?:is|are)\s+scheduled|scheduled\s+for|(?:is|are)\s+expected\s+to|(?:is|are)\s+set\s+to|plans?\s+to|(?:is|are)\s+going\s+to|to\s+be\s+held|будет|будут|состоится|планирует|планируется)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FutureMarker();

    [GeneratedRegex(@"\b(?:said|says|told|announced|reported|added|stated|wrote|заявил|заявила|заявили|сообщил|сообщила|сообщили)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportVerb();
}
