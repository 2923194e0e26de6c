using System.Globalization;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.DevTools.Scoring;

/// <summary>
/// `corpus/real-dev` scored: what the pipeline filed for each real page (its story, the article it copies, relevance,
/// publication day) and the days the timeline gives the ten milestones of the unrest, against `labels.tsv`. Shared by
/// the benchmark that prints it and the test that holds the floor.
/// </summary>
public static class RealDevScoring
{
    public sealed record Label(string File, string Url, string Language, string Story, DateOnly? Published, string Evidence,
        string CopyOf, bool OnTopic);

    /// <summary>What the pipeline made of one page: the first article of its capture (a page that splits into several keeps its first).</summary>
    public sealed record Filed(long Id, long? StoryId, long? DuplicateOfId, bool OnTopic, DateOnly? Published, bool Inferred);

    public sealed record MilestoneDay(string Name, DateOnly Expected, DateOnly[] AlsoRight, DateOnly? Shown, bool Inferred, int Sources, string Heading);

    public sealed record Result(int Pages, int Imported, PrecisionRecall Stories, int GoldStories, int PredictedStories,
        PrecisionRecall Copies, int GoldCopyPairs, PrecisionRecall OffTopic, int PrintedDays, int PrintedDaysRight,
        int LabelledDays, int LabelledDaysRight, int LabelledDaysMissing, IReadOnlyList<MilestoneDay> Milestones, IReadOnlyList<string> Lines);

    /// <summary>
    /// The ten milestones of the unrest on the public record, each found on the timeline by its kind and the words of its
    /// heading or sources (several languages, as the sources are). Masimov's detention was announced on the 8th for the 6th:
    /// either day is right.
    /// </summary>
    private static readonly (string Name, DateOnly Day, DateOnly[] AlsoRight, string[] Kinds, Regex Words)[] Milestones =
    [
        ("government resigns", new(2022, 1, 5), [], ["government-resigns"], Words(@"government|cabinet|правительств|Regierung|gouvernement|gobierno|governo")),
        ("CSTO approves sending troops", new(2022, 1, 6), [], ["troops-deployed", "military-help-requested", "csto-deployment-approved"], Words(@"CSTO|ОДКБ|Collective Security|OTSC|OVKS|ОДКБ")),
        ("shoot-to-kill order", new(2022, 1, 7), [], [], Words(@"shoot[\w\s-]{0,12}kill|fire without warning|огонь на поражение|без предупреждения|Schie(?:ß|ss)befehl|tirer sans sommation|disparar a matar")),
        ("Masimov detained", new(2022, 1, 8), [new(2022, 1, 6)], ["arrest", "detentions"], Words(@"Mass?imov|Масимов")),
        ("toll of 164 (health ministry)", new(2022, 1, 9), [], ["casualties-reported"], Words(@"\b164\b")),
        ("national day of mourning", new(2022, 1, 10), [], [], Words(@"mourning|траур|Staatstrauer|Trauertag|deuil|luto|lutto")),
        ("Smailov approved as prime minister", new(2022, 1, 11), [], ["appointment"], Words(@"Smailov|Смаилов")),
        ("CSTO withdrawal begins", new(2022, 1, 13), [], ["troops-withdrawn"], Words(@"CSTO|ОДКБ|troops|peacekeep|войск|миротвор|Russian-led")),
        ("toll of 225 announced", new(2022, 1, 15), [], ["casualties-reported"], Words(@"\b225\b")),
        ("Nazarbayev's video address", new(2022, 1, 18), [], [], Words(@"Nazarbayev[^.]{0,80}video|video[^.]{0,80}Nazarbayev|Назарбаев[^.]{0,80}видео|видео[^.]{0,80}Назарбаев")),
    ];

    /// <summary>Scores the database a real-dev import filled; <paramref name="folder"/> holds labels.tsv and pages/.</summary>
    public static async Task<Result> ScoreAsync(KazakhDbContext db, string folder)
    {
        var labels = ReadLabels(Path.Combine(folder, "labels.tsv"));
        var filed = await FiledAsync(db);
        var milestones = await MilestonesAsync(db);
        return Score(labels, filed, milestones, Directory.GetFiles(Path.Combine(folder, "pages"), "*.html")
            .ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f).Contains("article:published_time", StringComparison.Ordinal)));
    }

    /// <summary>True when the timeline shows the milestone on its day (or another day the record allows).</summary>
    public static bool OnItsDay(MilestoneDay m) => m.Shown is { } shown && (shown == m.Expected || m.AlsoRight.Contains(shown));

    private static Result Score(List<Label> labels, Dictionary<string, Filed> filed, List<MilestoneDay> milestones, Dictionary<string, bool> printsDate)
    {
        var lines = new List<string>();
        var byId = filed.Values.ToDictionary(f => f.Id);

        // Stories: every on-topic page of one development; an overview belongs to no single story, so it is not scored
        // itself, but a story it glued to another still shows in its members' precision. A page the pipeline filed in no
        // story (dropped as off-topic, or not extracted) stands alone: the stricter reading.
        var gold = new Dictionary<string, string>();
        var predicted = new Dictionary<string, string>();
        foreach (var label in labels.Where(l => l.OnTopic && l.Story != "overview"))
        {
            gold[label.File] = label.Story;
            predicted[label.File] = filed.TryGetValue(label.File, out var f) && f.StoryId is { } story ? $"s{story}" : $"alone:{label.File}";
        }

        var stories = Evaluation.BCubed(gold, predicted);
        foreach (var group in gold.Keys.GroupBy(k => predicted[k]).Where(g => !g.Key.StartsWith("alone:", StringComparison.Ordinal))
            .OrderByDescending(g => g.Count()))
        {
            lines.Add($"story {group.Key}: {string.Join(", ", group.Order().Select(f => $"{f}[{gold[f]}]"))}");
        }

        lines.Add("filed in no story: " + string.Join(", ", predicted.Where(p => p.Value.StartsWith("alone:", StringComparison.Ordinal)).Select(p => $"{p.Key}[{gold[p.Key]}]")));

        // Copies: each labelled (copy, original) pair is found when the pipeline put both in one copy chain; each copy link
        // the pipeline made (article, the article it copies) is right when the labels put both pages in one chain.
        var fileIds = filed.ToDictionary(kv => kv.Key, kv => kv.Value.Id);
        var goldRoot = labels.ToDictionary(l => l.File, l => GoldRootOf(l, labels));
        var copyLabels = labels.Where(l => l.CopyOf.Length > 0 && fileIds.ContainsKey(l.File) && fileIds.ContainsKey(l.CopyOf)).ToList();
        var found = copyLabels.Count(l => RootOf(filed[l.File], byId) == RootOf(filed[l.CopyOf], byId));
        var names = fileIds.ToDictionary(kv => kv.Value, kv => kv.Key);
        var links = filed.Where(kv => kv.Value.DuplicateOfId is { } up && names.ContainsKey(up)).ToList();
        var rightLinks = links.Count(kv => goldRoot[kv.Key] == goldRoot[names[kv.Value.DuplicateOfId!.Value]]);
        var copies = new PrecisionRecall(links.Count == 0 ? 1 : (double)rightLinks / links.Count, copyLabels.Count == 0 ? 1 : (double)found / copyLabels.Count);
        var goldPairs = copyLabels.Count;
        foreach (var f in filed.Values.Where(f => f.DuplicateOfId is not null))
        {
            var file = names[f.Id];
            var original = names.GetValueOrDefault(f.DuplicateOfId!.Value, $"#{f.DuplicateOfId}");
            var label = labels.First(l => l.File == file);
            lines.Add($"copy: {file} of {original} (label: {(label.CopyOf.Length > 0 ? label.CopyOf : "not a copy")})");
        }

        foreach (var label in labels.Where(l => l.CopyOf.Length > 0 && filed.TryGetValue(l.File, out var f) && f.DuplicateOfId is null))
        {
            lines.Add($"copy missed: {label.File} of {label.CopyOf}");
        }

        // Off-topic: the class the relevance step must find (precision: of the pages it dropped, how many are off-topic).
        var offGold = labels.Where(l => filed.ContainsKey(l.File)).ToDictionary(l => l.File, l => !l.OnTopic);
        var truePositive = offGold.Count(kv => kv.Value && !filed[kv.Key].OnTopic);
        var predictedOff = offGold.Count(kv => !filed[kv.Key].OnTopic);
        var goldOff = offGold.Count(kv => kv.Value);
        var offTopic = new PrecisionRecall(predictedOff == 0 ? 1 : (double)truePositive / predictedOff, goldOff == 0 ? 1 : (double)truePositive / goldOff);
        foreach (var (file, off) in offGold.Where(kv => kv.Value == filed[kv.Key].OnTopic))
        {
            lines.Add($"relevance wrong: {file} is {(off ? "off-topic, kept as coverage" : "on topic, dropped")} ({labels.First(l => l.File == file).Story})");
        }

        // Publication day: where the page prints one (meta), and over every page whose label has a day.
        int printed = 0, printedRight = 0, labelled = 0, labelledRight = 0, missing = 0;
        foreach (var label in labels.Where(l => l.Published is not null && filed.ContainsKey(l.File)))
        {
            var day = filed[label.File].Published;
            labelled++;
            labelledRight += day == label.Published ? 1 : 0;
            missing += day is null ? 1 : 0;
            if (printsDate.GetValueOrDefault(label.File))
            {
                printed++;
                printedRight += day == label.Published ? 1 : 0;
            }

            if (day != label.Published)
            {
                lines.Add($"day wrong: {label.File} shows {day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none"}{(filed[label.File].Inferred ? " (inferred)" : "")}, label {label.Published:yyyy-MM-dd} ({label.Evidence})");
            }
        }

        return new Result(labels.Count, filed.Count, stories, gold.Values.Distinct().Count(), predicted.Values.Distinct().Count(),
            copies, goldPairs, offTopic, printed, printedRight, labelled, labelledRight, missing, milestones, lines);
    }

    private static string GoldRootOf(Label label, List<Label> labels)
    {
        var root = label;
        for (var hops = 0; root.CopyOf.Length > 0 && hops < 10; hops++)
        {
            root = labels.FirstOrDefault(l => l.File == root.CopyOf) ?? root;
        }

        return root.File;
    }

    private static long RootOf(Filed f, Dictionary<long, Filed> byId)
    {
        var root = f;
        for (var hops = 0; root.DuplicateOfId is { } up && byId.TryGetValue(up, out var next) && hops < 10; hops++)
        {
            root = next;
        }

        return root.Id;
    }

    private static async Task<Dictionary<string, Filed>> FiledAsync(KazakhDbContext db)
    {
        var captures = await db.Captures.AsNoTracking().Where(c => c.OriginDetail != null)
            .Select(c => new { c.Id, c.OriginDetail }).ToListAsync();
        var articles = await db.Articles.AsNoTracking()
            .Select(a => new { a.Id, a.CaptureId, a.Segment, a.StoryId, a.DuplicateOfId, a.OnTopic, a.PublishedAt, a.PublishedInferred, a.InferredPublishedOn })
            .ToListAsync();
        // A page whose address another page already filed becomes a revision of that article: it maps to it too.
        var revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.CaptureId != null)
            .Select(r => new { r.ArticleId, r.CaptureId }).ToListAsync();
        var byCapture = articles.Where(a => a.CaptureId is not null).GroupBy(a => a.CaptureId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Segment).First());
        var byId = articles.ToDictionary(a => a.Id);
        foreach (var r in revisions.Where(r => !byCapture.ContainsKey(r.CaptureId!.Value)))
        {
            byCapture[r.CaptureId!.Value] = byId[r.ArticleId];
        }

        var result = new Dictionary<string, Filed>();
        foreach (var capture in captures.Where(c => byCapture.ContainsKey(c.Id)))
        {
            var a = byCapture[capture.Id];
            var day = a.PublishedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : a.InferredPublishedOn;
            result[capture.OriginDetail!] = new Filed(a.Id, a.StoryId, a.DuplicateOfId, a.OnTopic, day, a.PublishedAt is null ? a.InferredPublishedOn is not null : a.PublishedInferred);
        }

        return result;
    }

    private static async Task<List<MilestoneDay>> MilestonesAsync(KazakhDbContext db)
    {
        var entries = await db.TimelineEntries.AsNoTracking()
            .Select(e => new
            {
                e.Kind,
                e.Date,
                e.Summary,
                e.SourceCount,
                Sentences = e.Sources.Select(s => s.Sentence).ToList(),
                Inferred = e.Sources.All(s => s.DateInferred),
            })
            .ToListAsync();
        var result = new List<MilestoneDay>();
        foreach (var (name, day, alsoRight, kinds, words) in Milestones)
        {
            // The entry a reader would take for the milestone: of the matching ones (of its kind and naming it; a milestone of no
            // particular kind by its heading), the one most sources stand behind.
            var best = entries
                .Where(e => kinds.Length == 0 ? words.IsMatch(e.Summary) : kinds.Contains(e.Kind) && (words.IsMatch(e.Summary) || e.Sentences.Any(words.IsMatch)))
                .OrderByDescending(e => e.SourceCount).ThenBy(e => Math.Abs(e.Date.DayNumber - day.DayNumber))
                .FirstOrDefault();
            result.Add(new MilestoneDay(name, day, alsoRight, best?.Date, best?.Inferred ?? false, best?.SourceCount ?? 0, best?.Summary ?? ""));
        }

        return result;
    }

    private static List<Label> ReadLabels(string path)
    {
        var rows = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
        return rows.Select(c => new Label(c[0], c[1], c[3], c[4],
            DateOnly.TryParseExact(c[5], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
            c[6], c[7].EndsWith(".html", StringComparison.Ordinal) ? c[7] : "", c[8] == "yes")).ToList();
    }

    private static Regex Words(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
