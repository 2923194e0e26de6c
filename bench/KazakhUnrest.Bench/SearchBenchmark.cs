extern alias web;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Database;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Search;
using KazakhUnrest.DevTools.Generate;
using KazakhUnrest.Scraper.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using web::KazakhUnrest.Web.Search;

namespace KazakhUnrest.Bench;

/// <param name="Label">What the query stands for (a name, an OR, a filter...).</param>
/// <param name="Parameters">The query string after <c>/api/search?</c>.</param>
public sealed record SearchCase(string Label, string Parameters);

public sealed record SearchLatency(SearchCase Case, int Total, HttpScore One, HttpScore Many);

/// <summary>One query of the quality pass: a story kind's event word with a place, in Latin and in Cyrillic letters.</summary>
public sealed record SearchQuality(string Kind, string Place, string Latin, string Cyrillic, int Stories, int Articles, double Precision,
    double LatinRecall, double CyrillicRecall, double CyrillicPrecision);

public sealed record SearchScore(IReadOnlyList<SearchLatency> Latency, IReadOnlyList<SearchQuality> Quality, string LoadBefore, string LoadAfter,
    int OffTopicStoryArticles, int StoryArticles, long WithoutVector);

/// <summary>
/// Search over a generated collection, through the site as readers use it: the built site runs as a child process
/// on a loopback port with its page cache off (<c>Site:PageCacheSeconds=0</c>), so every request searches.
/// Latency: 20 queries of the kinds readers type, each timed with one client and with many at once.
/// Quality: the generator knows each story's kind and place, so a story's query is its place's name and the word
/// that best tells its kind from the others; the first results should report that kind of event in that place,
/// and the query should find the story's articles, as well with the place's name in Cyrillic letters.
/// </summary>
public static class SearchBenchmark
{
    /// <param name="queries">How many of the 20 queries to time (0: none), for a bounded run on a busy machine.</param>
    /// <param name="quality">Whether to score precision and recall per story label.</param>
    public static async Task<SearchScore> RunAsync(string connectionString, GeneratedCorpus corpus, string webDll, int requests, int clients,
        int concurrentRequests, TextWriter progress, int queries = 20, bool quality = true)
    {
        var loadBefore = File.ReadAllText("/proc/loadavg").Trim();
        var ids = await IdsAsync(connectionString, corpus);
        var withoutVector = await WithoutVectorAsync(connectionString);
        await using var site = await Site.StartAsync(webDll, connectionString);
        using var http = new HttpClient { BaseAddress = site.Address, Timeout = TimeSpan.FromSeconds(120) };
        var cases = await CasesAsync(connectionString, corpus);
        var latency = new List<SearchLatency>();
        foreach (var c in cases.Take(queries))
        {
            var url = new Uri(site.Address, "/api/search?" + c.Parameters);
            var total = await TotalAsync(http, url);
            var one = await HttpBenchmark.RunAsync(url, requests, 1);
            var many = await HttpBenchmark.RunAsync(url, concurrentRequests, clients);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.Label}: {total} found, p99 {one.P99Ms:F0} / {many.P99Ms:F0} ms"));
            latency.Add(new SearchLatency(c, total, one, many));
        }

        var scored = quality ? await QualityAsync(connectionString, corpus, ids, http, progress) : [];
        var (offTopic, storyArticles) = await OffTopicStoryArticlesAsync(connectionString, corpus, ids);
        return new SearchScore(latency, scored, loadBefore, File.ReadAllText("/proc/loadavg").Trim(), offTopic, storyArticles, withoutVector);
    }

    public static string Table(SearchScore score, int clients)
    {
        var text = new StringBuilder();
        var en = CultureInfo.InvariantCulture;
        text.AppendLine(en, $"articles without a search vector: {score.WithoutVector} (the trigger fills it, COPY included)");
        text.AppendLine(en, $"load average before {score.LoadBefore}, after {score.LoadAfter} (2 cores, shared)");
        text.AppendLine(en, $"{"query",-52} {"found",7} | {"1 client median",15} {"p99",7} | {clients + " clients median",17} {"p99",7} {"errors",6}");
        foreach (var l in score.Latency)
        {
            var name = $"{l.Case.Label}: {Uri.UnescapeDataString(l.Case.Parameters.Replace('+', ' '))}";
            text.AppendLine(en, $"{Cut(name, 52),-52} {l.Total,7} | {l.One.MedianMs,12:F1} ms {l.One.P99Ms,7:F1} | {l.Many.MedianMs,14:F1} ms {l.Many.P99Ms,7:F1} {l.One.Errors + l.Many.Errors,6}");
        }

        if (score.Latency.Count == 0 || score.Quality.Count == 0)
        {
            text.AppendLine(en, $"(latency timed for {score.Latency.Count} queries; quality {(score.Quality.Count == 0 ? "not scored" : "scored")})");
        }

        if (score.Latency.Count > 0)
        {
            var ones = score.Latency.SelectMany(l => l.One.Times).Order().ToList();
            var manys = score.Latency.SelectMany(l => l.Many.Times).Order().ToList();
            text.AppendLine(en, $"{$"all {score.Latency.Count} queries",-52} {"",7} | {HttpScore.Median(ones),12:F1} ms {HttpScore.P99(ones),7:F1} | {HttpScore.Median(manys),14:F1} ms {HttpScore.P99(manys),7:F1} {score.Latency.Sum(l => l.One.Errors + l.Many.Errors),6}");
            text.AppendLine(en, $"  requests: {score.Latency[0].One.Requests} per query with 1 client, {score.Latency[0].Many.Requests} per query shared by {clients} clients; {score.Latency.Sum(l => l.Many.PerSecond) / score.Latency.Count:F0} requests/s on average with {clients}");
        }

        text.AppendLine();
        text.AppendLine(en, $"{"kind / place",-36} {"query (Latin)",-34} {"stories",7} {"P@10",5} {"R lat",6} {"R cyr",6} {"P@10 cyr",8}");
        foreach (var q in score.Quality)
        {
            text.AppendLine(en, $"{Cut(q.Kind + " / " + q.Place, 36),-36} {Cut(q.Latin, 34),-34} {q.Stories,7} {q.Precision,5:F2} {q.LatinRecall,6:F3} {q.CyrillicRecall,6:F3} {q.CyrillicPrecision,8:F2}");
        }

        if (score.Quality.Count > 0)
        {
            var stories = score.Quality.Sum(q => q.Stories);
            var latin = Mean(q => q.LatinRecall);
            var cyrillic = Mean(q => q.CyrillicRecall);
            text.AppendLine(en, $"{"all story labels (mean per story)",-36} {"",-34} {stories,7} {Mean(q => q.Precision),5:F3} {latin,6:F3} {cyrillic,6:F3} {Mean(q => q.CyrillicPrecision),8:F3}");
            text.AppendLine(en, $"cross-script recall ratio (Cyrillic / Latin) {cyrillic / latin:F3}; worst query {score.Quality.Min(q => q.LatinRecall == 0 ? 1 : q.CyrillicRecall / q.LatinRecall):F3}");
            text.AppendLine(en, $"precision@10 below 0.9 for {score.Quality.Where(q => q.Precision < 0.9).Sum(q => q.Stories)} of {stories} story labels");
            text.AppendLine(en, $"story articles the story step judged off-topic (not searched by default, so never found): {score.OffTopicStoryArticles} of {score.StoryArticles}");
        }

        return text.ToString();

        double Mean(Func<SearchQuality, double> f) => score.Quality.Sum(q => f(q) * q.Stories) / score.Quality.Sum(q => q.Stories);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>The 20 queries: kinds of query readers type, with words taken from the generated collection.</summary>
    private static async Task<List<SearchCase>> CasesAsync(string connectionString, GeneratedCorpus corpus)
    {
        var frequencies = DocumentFrequencies(corpus.Articles);
        var searchable = await SearchableAsync(connectionString, [.. frequencies.Keys]);
        var half = frequencies.Where(f => searchable.Contains(f.Key) && f.Key.Length >= 4)
            .OrderBy(f => Math.Abs(f.Value - corpus.Articles.Count / 2)).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
        var rare = frequencies.Where(f => searchable.Contains(f.Key) && f.Key.Length >= 6 && f.Value >= 3)
            .OrderBy(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
        var outlet = corpus.Outlets.First(o => o.Kind == "wire_agency").Slug;
        return
        [
            new("name", Q("Tokayev")),
            new("name in Cyrillic", Q("Токаев")),
            new("name in Kazakh Cyrillic", Q("Тоқаев")),
            new("organisation", Q("CSTO")),
            new("organisation in Cyrillic", Q("ОДКБ")),
            new("place", Q("Zhanaozen")),
            new("place in Cyrillic", Q("Алматы")),
            new("two-word phrase", Q("\"tear gas\"")),
            new("phrase and place", Q("\"state of emergency\" Shymkent")),
            new("OR", Q("Aktau OR Atyrau")),
            new("exclusion", Q("curfew -Almaty")),
            new("rare word", Q(rare)),
            new("word in half the collection", Q(half)),
            new("two words", Q("police detained")),
            new("company and word", Q("Tengizchevroil workers")),
            new("country filter", Q("protesters country:RU")),
            new("actor filter", Q("curfew actor:Tokayev")),
            new("outlet filter", Q($"Almaty outlet:{outlet}")),
            new("date range", Q("Almaty from:2022-01-05 to:2022-01-06")),
            new("stories view, by date", Q("internet") + "&view=stories&sort=date"),
        ];
    }

    private static string Q(string query) => "q=" + Uri.EscapeDataString(query);

    private static Dictionary<string, int> DocumentFrequencies(IEnumerable<GeneratedArticle> articles)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var word in Words(article.Title + "\n" + article.Text).Distinct(StringComparer.Ordinal))
            {
                frequencies[word] = frequencies.GetValueOrDefault(word) + 1;
            }
        }

        return frequencies;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    /// <summary>Words that are not stop words in English or Russian: the site leaves those out of a query.</summary>
    private static async Task<HashSet<string>> SearchableAsync(string connectionString, string[] words)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT w FROM unnest(@words) AS u(w)
            WHERE numnode(websearch_to_tsquery('ku_english', w)) > 0 AND numnode(websearch_to_tsquery('ku_russian', w)) > 0
            """, connection);
        command.Parameters.AddWithValue("words", words);
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    /// <summary>Database id to generated article, by address (the bulk load kept the generated URL).</summary>
    private static async Task<Dictionary<long, GeneratedArticle>> IdsAsync(string connectionString, GeneratedCorpus corpus)
    {
        var byUrl = corpus.Articles.ToDictionary(a => a.Url);
        var ids = new Dictionary<long, GeneratedArticle>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT id, canonical_url FROM articles", connection);
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!byUrl.TryGetValue(reader.GetString(1), out var article))
            {
                throw new InvalidOperationException($"The database holds {reader.GetString(1)}, which the generator did not write: another size or seed?");
            }

            ids[reader.GetInt64(0)] = article;
        }

        return ids.Count == corpus.Articles.Count
            ? ids
            : throw new InvalidOperationException($"The database holds {ids.Count} articles, the generated corpus {corpus.Articles.Count}: another size or seed?");
    }

    private static async Task<int> TotalAsync(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("total").GetInt32();
    }

    private static async Task<List<long>> FirstResultsAsync(HttpClient http, string query, int count)
    {
        using var response = await http.GetAsync(new Uri("/api/search?" + Q(query), UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("results").EnumerateArray().Take(count).Select(r => r.GetProperty("id").GetInt64())];
    }

    private static async Task<List<SearchQuality>> QualityAsync(string connectionString, GeneratedCorpus corpus, Dictionary<long, GeneratedArticle> ids,
        HttpClient http, TextWriter progress)
    {
        // A story's kind and place are on its own reports; copies carry only the story label.
        var stories = corpus.Articles.Where(a => a.Story is not null).GroupBy(a => a.Story!)
            .Select(g => (Label: g.Key, Original: g.First(a => a.Kind is not null), Articles: g.ToList()))
            .ToList();
        var labelOf = new Dictionary<string, (string Kind, string Place)>();
        foreach (var story in stories)
        {
            labelOf[story.Label] = (story.Original.Kind!.Name, story.Original.Facts!.Slots["city"]);
        }

        var words = EventWords(corpus, labelOf, await SearchableAsync(connectionString, [.. DocumentFrequencies(corpus.Articles).Keys]));
        var dbIds = ids.ToLookup(p => p.Value.Story, p => p.Key);
        var names = new SearchNames();
        var results = new List<SearchQuality>();
        await using var db = DatabaseExtensions.CreateContext(connectionString);
        foreach (var group in stories.GroupBy(s => labelOf[s.Label]).OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.Place, StringComparer.Ordinal))
        {
            var (kind, place) = group.Key;
            var latin = $"{place} {words[kind]}";
            var cyrillic = $"{CyrillicName(place)} {words[kind]}";

            // Relevant: a report of this kind of event in this place, whichever of its stories.
            double Precision(List<long> first) => first.Count == 0 ? 0 : first.Count(id => ids[id].Story is { } s && labelOf[s] == group.Key) / (double)first.Count;

            async Task<HashSet<long>> MatchesAsync(string query)
            {
                var matching = await SearchQueries.MatchingArticlesAsync(db, names, SearchQuery.Parse(query), "on", CancellationToken.None);
                return matching.Error is null ? [.. await matching.Ids.ToListAsync()] : throw new InvalidOperationException($"{query}: {matching.Error}");
            }

            var latinMatches = await MatchesAsync(latin);
            var cyrillicMatches = await MatchesAsync(cyrillic);
            double Recall(HashSet<long> matches) => group.Average(s => dbIds[s.Label].Count(matches.Contains) / (double)s.Articles.Count);

            var quality = new SearchQuality(kind, place, latin, cyrillic, group.Count(), group.Sum(s => s.Articles.Count),
                Precision(await FirstResultsAsync(http, latin, 10)), Recall(latinMatches), Recall(cyrillicMatches),
                Precision(await FirstResultsAsync(http, cyrillic, 10)));
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {latin}: P@10 {quality.Precision:F2}, recall {quality.LatinRecall:F3} / {quality.CyrillicRecall:F3}"));
            results.Add(quality);
        }

        return results;
    }

    /// <summary>
    /// Per story kind, the headline word that best tells its reports from the other kinds' (of the words of the kind's
    /// headline templates in at least 40 % of its reports, the one the other kinds use least): what a reader would type
    /// for the event. Place names are left out; the place is the other half of the query.
    /// </summary>
    private static Dictionary<string, string> EventWords(GeneratedCorpus corpus, Dictionary<string, (string Kind, string Place)> labelOf, HashSet<string> searchable)
    {
        var places = new HashSet<string>(NamePools.Regions.Keys.Concat(NamePools.Regions.Values).SelectMany(Words), StringComparer.Ordinal);
        var onTopic = corpus.Articles.Where(a => a.Story is not null).ToList();
        var byKind = onTopic.GroupBy(a => labelOf[a.Story!].Kind).ToDictionary(g => g.Key, g => (Size: g.Count(), Frequencies: DocumentFrequencies(g)));
        var all = DocumentFrequencies(onTopic);
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, (size, frequencies)) in byKind)
        {
            var headlines = StoryKinds.All.First(k => k.Name == kind).Titles.SelectMany(t => Words(Regex.Replace(t, "{[^}]*}", " "))).ToHashSet(StringComparer.Ordinal);
            var candidates = frequencies.Where(f => f.Key.Length >= 4 && !places.Contains(f.Key) && searchable.Contains(f.Key)).ToList();
            candidates = candidates.Any(f => headlines.Contains(f.Key) && f.Value >= 0.4 * size) ? [.. candidates.Where(f => headlines.Contains(f.Key))] : candidates;
            var common = candidates.Where(f => f.Value >= 0.4 * size).ToList();
            words[kind] = (common.Count > 0 ? common : candidates)
                .OrderByDescending(f => f.Value / (double)all[f.Key]).ThenByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
        }

        return words;
    }

    private static string CyrillicName(string place)
    {
        var entry = Gazetteer.Entries.First(e => e.Name == place);
        return entry.Aliases.First(a => a.Any(c => c is >= '\u0400' and <= '\u04FF'));
    }

    private static async Task<long> WithoutVectorAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM articles WHERE search_vector IS NULL OR length(search_vector) = 0", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(int OffTopic, int StoryArticles)> OffTopicStoryArticlesAsync(string connectionString, GeneratedCorpus corpus,
        Dictionary<long, GeneratedArticle> ids)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM articles WHERE NOT on_topic", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var offTopic = 0;
        while (await reader.ReadAsync())
        {
            offTopic += ids[reader.GetInt64(0)].Story is not null ? 1 : 0;
        }

        return (offTopic, corpus.Articles.Count(a => a.Story is not null));
    }

    /// <summary>The built site as a child process on a free loopback port, page cache off; stopped when disposed.</summary>
    private sealed class Site : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _log;

        private Site(Process process, Uri address, string log) => (_process, Address, _log) = (process, address, log);

        public Uri Address { get; }

        public static async Task<Site> StartAsync(string webDll, string connectionString)
        {
            if (!File.Exists(webDll))
            {
                throw new FileNotFoundException($"No built site at {Path.GetFullPath(webDll)}: dotnet build src/KazakhUnrest.Web -c Release", webDll);
            }

            var address = new Uri($"http://127.0.0.1:{LocalPostgres.FreeLoopbackPort()}");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(webDll))!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(Path.GetFullPath(webDll));
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(address.ToString());
            start.Environment["ConnectionStrings__Default"] = connectionString;
            start.Environment["Site__PageCacheSeconds"] = "0";
            var log = Path.Combine(Path.GetTempPath(), $"ku-search-bench-site-{Environment.ProcessId}.log");
            var writer = TextWriter.Synchronized(new StreamWriter(log) { AutoFlush = true });
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => writer.WriteLine(e.Data);
            process.ErrorDataReceived += (_, e) => writer.WriteLine(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var site = new Site(process, address, log);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var clock = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The site stopped at start (exit code {process.ExitCode}); its output is in {log}");
                }

                try
                {
                    using var response = await http.GetAsync(new Uri(address, "/healthz"));
                    if (response.IsSuccessStatusCode)
                    {
                        return site;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Starting slowly on a busy machine.
                }

                if (clock.Elapsed > TimeSpan.FromMinutes(3))
                {
                    await site.DisposeAsync();
                    throw new TimeoutException($"The site did not answer /healthz within 3 minutes; its output is in {log}");
                }

                await Task.Delay(500);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            Console.Error.WriteLine($"site output: {_log}");
        }
    }
}
