using System.Globalization;
using System.Text;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Search;
using KazakhUnrest.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace KazakhUnrest.Web.Search;

/// <summary>
/// Search over the collection with PostgreSQL full text. Each article's <c>search_vector</c> (kept by a trigger; see
/// the Search migration) is matched against every term of the query, stemmed as English, as Russian and as is, with
/// accents and Kazakh letters folded the same way as the documents. A term that names an entity also matches every
/// article linked to that entity, which is how "Токаев" finds an English report about Tokayev.
/// </summary>
/// <remarks>
/// Ranking: <c>ts_rank</c> with the document's weights (title 1.0, lead 0.4, rest of the body 0.2, outlet and byline
/// 0.1), plus 0.1 for each name of the query the article is linked to (so a report about Tokayev that calls him "the
/// Kazakh president" still ranks). Ranks are compared to two decimals; within that, a report whose title matches comes
/// first, then the newer report. Counts (totals, facets, the day histogram) count articles; the list folds wire
/// copies under their original, so it may show fewer rows than the total.
/// </remarks>
public static class SearchQueries
{
    /// <summary>Rows per facet: enough to choose from, short enough to read.</summary>
    private const int FacetSize = 12;

    /// <summary>Days of the unrest shown one by one in the histogram; later coverage is counted by week.</summary>
    private static readonly DateOnly UnrestFirst = new(2022, 1, 1), UnrestLast = new(2022, 1, 19);

    private const string DayExpression = "coalesce(a.published_at, a.inferred_published_on::timestamp AT TIME ZONE 'UTC', a.first_seen_at)";

    /// <summary>Highlight markers PostgreSQL puts around matched words: control characters no article text keeps.</summary>
    private const char Start = '\u0001', Stop = '\u0002', Fragment = '\u0003';

    /// <param name="WithFacets">False where only the list is wanted (a feed): the facets are most of a search's cost.</param>
    public sealed record Options(string Topic, string Sort, string View, int Page, int PageSize, bool WithFacets = true)
    {
        public static string NormalizeTopic(string? topic) => topic is "all" or "off" ? topic : "on";

        public static string NormalizeSort(string? sort) => sort is "date" ? "date" : "relevance";

        public static string NormalizeView(string? view) => view is "stories" ? "stories" : "articles";
    }

    /// <summary>A run of text, highlighted when it matched.</summary>
    public sealed record Span(string Text, bool Match);

    public sealed record Result(long Id, string Title, IReadOnlyList<Span> TitleSpans, string Outlet, string OutletSlug, string? Language,
        DateTimeOffset? PublishedAt, bool PublishedInferred, DateOnly Day, DateTimeOffset UpdatedAt, long? StoryId, bool OnTopic, bool IsSample,
        int Copies, IReadOnlyList<string> Mentions, bool TextMatch, IReadOnlyList<IReadOnlyList<Span>> Snippets);

    public sealed record StoryResult(long Id, string Headline, int Matching, int Articles, DateTimeOffset LastPublishedAt, long? FirstArticleId);

    public sealed record FacetValue(string Field, string Value, string Label, int Count);

    public sealed record DayBucket(DateOnly From, DateOnly To, string Label, int Count);

    public sealed record Facets(IReadOnlyList<FacetValue> Countries, IReadOnlyList<FacetValue> Actors, IReadOnlyList<FacetValue> Outlets,
        IReadOnlyList<FacetValue> OutletKinds, IReadOnlyList<FacetValue> Languages, IReadOnlyList<FacetValue> Tags, IReadOnlyList<DayBucket> Days);

    /// <summary>What a query found. <see cref="Total"/> counts matching articles; <see cref="Shown"/> the rows of the list (copies folded, or stories).</summary>
    public sealed record Found(string Query, IReadOnlyList<string> Problems, string? Error, int Total, int Shown, int Page, int PageCount,
        IReadOnlyList<Result> Results, IReadOnlyList<StoryResult> Stories, Facets Facets, IReadOnlyList<string> NamedEntities);

    public static readonly Facets NoFacets = new([], [], [], [], [], [], []);

    public static async Task<Found> SearchAsync(KazakhDbContext db, SearchNames names, SearchQuery query, Options options, CancellationToken ct)
    {
        if (query.Error is not null || query.IsEmpty)
        {
            var why = query.Error ?? "Type a word, a name in any script, a \"quoted phrase\" or a filter such as country:KZ.";
            return Empty(query, [], why);
        }

        var plan = await PlanAsync(db, names, query, options, ct);
        if (plan.Refusal is not null)
        {
            return Empty(query, plan.Problems, plan.Refusal);
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var facets = options.WithFacets ? await FacetsAsync(connection, plan, ct) : (Facets: NoFacets, Total: 0);
            var (shown, results, stories) = options.View == "stories"
                ? await StoriesAsync(connection, plan, options, ct)
                : await ArticlesAsync(connection, plan, options, names, db, ct);
            var total = options.WithFacets ? facets.Total : shown;
            var pageCount = Math.Max(1, (shown + options.PageSize - 1) / options.PageSize);
            return new Found(query.Text, plan.Problems, null, total, shown, options.Page, pageCount, results, stories, facets.Facets,
                [.. plan.Named.Values.Select(e => e.Name).Distinct()]);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>How many articles the query matches that were first seen after <paramref name="since"/>: a saved search's new matches.</summary>
    public static async Task<int> CountFirstSeenAfterAsync(KazakhDbContext db, SearchNames names, SearchQuery query, string topic,
        DateTimeOffset since, CancellationToken ct)
    {
        var matching = await MatchingArticlesAsync(db, names, query, topic, ct);
        return await db.Articles.AsNoTracking().CountAsync(a => matching.Ids.Contains(a.Id) && a.FirstSeenAt > since, ct);
    }

    /// <summary>The on-topic articles a list's <c>q</c> matches, or null when the list was given none.</summary>
    public static async Task<Matching?> MatchingIfAskedAsync(KazakhDbContext db, SearchNames names, string? q, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(q) ? null : await MatchingArticlesAsync(db, names, SearchQuery.Parse(q), "on", ct);

    /// <summary>The 400 a JSON answer or a download gives for a <c>q</c> that cannot run, with the reason.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult InvalidQuery(string error) =>
        TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Invalid parameter: q");

    /// <summary>The articles a query matches, as a query of their ids that a list joins in the database; see <see cref="MatchingArticlesAsync"/>.</summary>
    /// <param name="Error">Why the query cannot run; then <see cref="Ids"/> is empty, so the list shows nothing beside the reason.</param>
    public sealed record Matching(IQueryable<long> Ids, IReadOnlyList<string> Problems, string? Error);

    /// <summary>
    /// The ids of every article the query matches (copies included), not read but kept as a query the caller composes
    /// (<c>matching.Ids.Contains(a.Id)</c>), so a list that takes a query as a filter (stories, the timeline) narrows
    /// in the database however broad the query is. The condition is the one <see cref="SearchAsync"/> runs.
    /// </summary>
    public static async Task<Matching> MatchingArticlesAsync(KazakhDbContext db, SearchNames names, SearchQuery query, string topic, CancellationToken ct)
    {
        var none = db.Database.SqlQueryRaw<long>("SELECT NULL::bigint AS \"Value\" WHERE false");
        if (query.Error is not null)
        {
            return new Matching(none, [], query.Error);
        }

        var plan = await PlanAsync(db, names, query, new Options(topic, "date", "articles", 1, 1), ct);
        if (plan.Refusal is not null)
        {
            return new Matching(none, plan.Problems, plan.Refusal);
        }

        // The condition holds only this class's SQL and parameter names; every typed value is a parameter.
#pragma warning disable EF1003
        var ids = db.Database.SqlQueryRaw<long>("SELECT a.id AS \"Value\" FROM articles a WHERE " + plan.Where,
            [.. plan.Parameters.Select(p => (object)p.Clone())]);
#pragma warning restore EF1003
        return new Matching(ids, plan.Problems, null);
    }

    /// <summary>
    /// Where the query's words and names fall in one article: offsets into its title and its text, for the article
    /// page to mark. Words are found by PostgreSQL (<c>ts_headline</c> over the whole folded text, the same tsquery
    /// that ranks results); a name the query gives marks the article's first mention of that entity, so "Токаев"
    /// marks "Tokayev" in an English report.
    /// </summary>
    public static async Task<Marks> MarksAsync(KazakhDbContext db, SearchNames names, SearchQuery query, long articleId, CancellationToken ct)
    {
        if (query.Error is not null || query.IsEmpty)
        {
            return new Marks([], [], query.Problems, query.Error);
        }

        var plan = await PlanAsync(db, names, query, new Options("all", "relevance", "articles", 1, 1), ct);
        var tsquery = plan.RankQuery is null ? "NULL::tsquery" : $"{plan.Add(plan.RankQuery)}::tsquery";
        var sql = $"""
            SELECT a.title, a.text,
                   CASE WHEN {tsquery} IS NULL THEN NULL ELSE ts_headline(ku_search_config(a.language), ku_fold(a.title), {tsquery}, 'HighlightAll=true, StartSel={Start}, StopSel={Stop}') END,
                   CASE WHEN {tsquery} IS NULL THEN NULL ELSE ts_headline(ku_search_config(a.language), ku_fold(a.text), {tsquery}, 'HighlightAll=true, StartSel={Start}, StopSel={Stop}') END,
                   ARRAY(SELECT x.first_start || ':' || x.first_length FROM article_entities x
                         WHERE x.article_id = a.id AND x.entity_id = ANY({plan.Add(plan.NamedIds)}))
            FROM articles a WHERE a.id = {plan.Add(articleId)}
            """;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = plan.Command(connection, sql);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return new Marks([], [], plan.Problems, plan.Refusal);
            }

            var (title, text) = (reader.GetString(0), reader.GetString(1));
            var titleMarks = reader.IsDBNull(2) ? [] : Highlights.Marks(title, reader.GetString(2), Start, Stop);
            var textMarks = reader.IsDBNull(3) ? [] : Highlights.Marks(text, reader.GetString(3), Start, Stop);
            var mentions = reader.GetFieldValue<string[]>(4)
                .Select(packed => packed.Split(':'))
                .Select(parts => new Highlights.Mark(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture)))
                .Where(m => m.Start >= 0 && m.Length > 0 && m.Start + m.Length <= text.Length);
            return new Marks(titleMarks, Highlights.Merge(textMarks.Concat(mentions)), plan.Problems, plan.Refusal);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Marked stretches of an article's title and text (offsets into each), with what the query said on the way.</summary>
    public sealed record Marks(IReadOnlyList<Highlights.Mark> Title, IReadOnlyList<Highlights.Mark> Text, IReadOnlyList<string> Problems, string? Error);

    private static Found Empty(SearchQuery query, IReadOnlyList<string> problems, string message) =>
        new(query.Text, problems, message, 0, 0, 1, 1, [], [], NoFacets, []);

    /// <summary>The query's SQL condition over <c>articles a</c> and its parameters, with what it found out on the way.</summary>
    private sealed class Plan
    {
        public List<NpgsqlParameter> Parameters { get; } = [];
        public List<string> Problems { get; } = [];
        public Dictionary<(int Clause, int Term), SearchNames.NamedEntity> Named { get; set; } = [];
        public string Where { get; set; } = "true";

        /// <summary>The tsquery of every positive term together: what ranks and highlights. Null when only names or filters match.</summary>
        public string? RankQuery { get; set; }

        /// <summary>The entity ids the query names: a result linked to one of them says so.</summary>
        public string[] NamedIds { get; set; } = [];

        public string? Refusal { get; set; }

        public string Add(object value, NpgsqlDbType? type = null)
        {
            // Not "p0": EF names its own parameters so, and a matching set is composed into EF's queries (MatchingArticlesAsync).
            var name = $"search_p{Parameters.Count}";
            Parameters.Add(type is { } t ? new NpgsqlParameter(name, t) { Value = value } : new NpgsqlParameter(name, value));
            return "@" + name;
        }

        public NpgsqlCommand Command(NpgsqlConnection connection, string sql)
        {
            var command = new NpgsqlCommand(sql, connection);
            foreach (var parameter in Parameters)
            {
                command.Parameters.Add(parameter.Clone());
            }

            return command;
        }
    }

    private static async Task<Plan> PlanAsync(KazakhDbContext db, SearchNames names, SearchQuery query, Options options, CancellationToken ct)
    {
        var plan = new Plan();
        plan.Problems.AddRange(query.Problems);
        var resolved = await names.ResolveAsync(db, query, ct);
        plan.Named = new Dictionary<(int, int), SearchNames.NamedEntity>(resolved.Terms);
        var conditions = new List<string>();

        // Every term's tsquery, computed once by the database; a term made only of common words ("the", "и") or of
        // punctuation has none in English or in Russian and is left out rather than matching everything or nothing.
        var terms = query.Clauses.SelectMany((c, ci) => c.Any.Select((t, ti) => (Clause: ci, Term: ti, t.ForDatabase))).ToList();
        var tsqueries = await TermQueriesAsync(db, [.. terms.Select(t => t.ForDatabase)], ct);
        var positive = new List<string>();
        for (var ci = 0; ci < query.Clauses.Count; ci++)
        {
            var clause = query.Clauses[ci];
            // A required clause names the articles that meet it (index scans of the GIN index and of the entity links)
            // and the query keeps the articles in every such set; tested row by row, the text condition would have to
            // unpack every article's document. An excluded clause is tested on what is left, row by row.
            var sources = new List<string>();
            var tests = new List<string>();
            for (var ti = 0; ti < clause.Any.Count; ti++)
            {
                var tsquery = tsqueries[terms.FindIndex(t => t.Clause == ci && t.Term == ti)];
                var named = plan.Named.GetValueOrDefault((ci, ti));
                if (tsquery is null && named is null)
                {
                    plan.Problems.Add($"\"{clause.Any[ti].Text}\" is too common (or has no letters) to search for, so it was left out.");
                    continue;
                }

                if (tsquery is not null)
                {
                    var parameter = plan.Add(tsquery);
                    sources.Add($"SELECT id FROM articles WHERE search_vector @@ {parameter}::tsquery");
                    tests.Add($"a.search_vector @@ {parameter}::tsquery");
                    if (!clause.Excluded)
                    {
                        positive.Add(tsquery);
                    }
                }

                if (named is not null)
                {
                    var parameter = plan.Add(named.Id);
                    sources.Add($"SELECT article_id FROM article_entities WHERE entity_id = {parameter}");
                    tests.Add($"EXISTS (SELECT 1 FROM article_entities x WHERE x.article_id = a.id AND x.entity_id = {parameter})");
                }
            }

            if (sources.Count > 0)
            {
                conditions.Add(clause.Excluded
                    ? $"NOT ({string.Join(" OR ", tests)})"
                    : $"a.id IN ({string.Join(" UNION ALL ", sources)})");
            }
        }

        plan.RankQuery = positive.Count == 0 ? null : string.Join(" | ", positive.Select(q => $"({q})"));
        plan.NamedIds = [.. plan.Named.Values.Select(e => e.Id).Distinct()];
        if (conditions.Count == 0 && query.Filters.Count == 0 && query.From is null && query.To is null)
        {
            plan.Refusal = "Nothing left to search for: every word was too common. Add a word that says what you are looking for.";
            return plan;
        }

        await AddFiltersAsync(db, names, query, plan, conditions, ct);
        conditions.Add(options.Topic switch { "off" => "NOT a.on_topic", "all" => "true", _ => "a.on_topic" });
        plan.Where = string.Join("\n  AND ", conditions);
        return plan;
    }

    private static async Task<string?[]> TermQueriesAsync(KazakhDbContext db, string[] terms, CancellationToken ct)
    {
        if (terms.Length == 0)
        {
            return [];
        }

        var rows = await db.Database.SqlQueryRaw<TermQuery>("""
            SELECT n AS "Index",
                   CASE WHEN numnode(en) = 0 OR numnode(ru) = 0 THEN NULL ELSE (en || ru || websearch_to_tsquery('ku_simple', ku_fold(t)))::text END AS "Query"
            FROM unnest(@terms) WITH ORDINALITY AS u(t, n),
                 LATERAL (SELECT websearch_to_tsquery('ku_english', ku_fold(t)) AS en, websearch_to_tsquery('ku_russian', ku_fold(t)) AS ru) q
            """, new NpgsqlParameter("terms", terms)).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Index).Select(r => r.Query)];
    }

    private sealed record TermQuery(long Index, string? Query);

    private static async Task AddFiltersAsync(KazakhDbContext db, SearchNames names, SearchQuery query, Plan plan, List<string> conditions, CancellationToken ct)
    {
        var outlets = new List<int>();
        foreach (var value in query.Values("outlet"))
        {
            var lowered = value.ToLowerInvariant();
            var ids = await db.Outlets.AsNoTracking().Where(o => o.Slug == lowered || o.Name.ToLower() == lowered).Select(o => o.Id).ToListAsync(ct);
            if (ids.Count == 0)
            {
                plan.Refusal ??= $"No outlet is called \"{value}\". Outlet filters take the outlet's name or the last part of its address (/outlets/…).";
            }

            outlets.AddRange(ids);
        }

        if (outlets.Count > 0)
        {
            conditions.Add($"a.outlet_id = ANY({plan.Add(outlets.ToArray())})");
        }

        foreach (var value in query.Values("actor"))
        {
            var entity = await names.FindAsync(db, value, ct);
            if (entity is null)
            {
                plan.Refusal ??= $"No person, organisation or place is known as \"{value}\". The entities page lists every name the collection knows.";
                continue;
            }

            plan.NamedIds = [.. plan.NamedIds.Append(entity.Id).Distinct()];
            conditions.Add($"EXISTS (SELECT 1 FROM article_entities x WHERE x.article_id = a.id AND x.entity_id = {plan.Add(entity.Id)})");
        }

        foreach (var value in query.Values("country"))
        {
            var code = value.Length == 2 ? value.ToUpperInvariant()
                : await names.FindAsync(db, value, ct) is { Kind: EntityKind.Country, Country: { } iso } ? iso : null;
            if (code is null || Gazetteer.Country(code) is null)
            {
                plan.Refusal ??= $"\"{value}\" is not a country the collection knows: use its name (Kazakhstan, Казахстан) or its two-letter code (KZ).";
                continue;
            }

            conditions.Add($"EXISTS (SELECT 1 FROM article_entities x JOIN entities e ON e.id = x.entity_id WHERE x.article_id = a.id AND e.country = {plan.Add(code)})");
        }

        foreach (var value in query.Values("tag"))
        {
            var lowered = value.ToLowerInvariant();
            var tag = await db.Tags.AsNoTracking().Where(t => t.Slug == lowered || t.Name.ToLower() == lowered).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            if (tag is null)
            {
                plan.Refusal ??= $"No tag is called \"{value}\". The tags page lists them.";
                continue;
            }

            conditions.Add($"EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = {plan.Add(tag.Value)})");
        }

        var languages = query.Values("lang").Select(l => l.ToLowerInvariant()).ToArray();
        if (languages.Length > 0)
        {
            conditions.Add($"a.language = ANY({plan.Add(languages)})");
        }

        var kinds = new List<string>();
        foreach (var value in query.Values("kind"))
        {
            var kind = Enum.GetValues<OutletKind>().Cast<OutletKind?>()
                .FirstOrDefault(k => Squash(k!.Value.ToString()) == Squash(value) || Squash(OutletKinds.Label(k.Value)) == Squash(value));
            if (kind is null)
            {
                plan.Refusal ??= $"\"{value}\" is not a kind of outlet; the kinds are {string.Join(", ", Enum.GetValues<OutletKind>().Select(OutletKinds.Label))}.";
                continue;
            }

            kinds.Add(kind.Value.ToString());
        }

        if (kinds.Count > 0)
        {
            conditions.Add($"a.outlet_id IN (SELECT id FROM outlets WHERE kind = ANY({plan.Add(kinds.ToArray())}))");
        }

        if (query.From is { } from)
        {
            conditions.Add($"{DayExpression} >= {plan.Add(new DateTimeOffset(from, TimeOnly.MinValue, TimeSpan.Zero))}");
        }

        if (query.To is { } to)
        {
            conditions.Add($"{DayExpression} < {plan.Add(new DateTimeOffset(to.AddDays(1), TimeOnly.MinValue, TimeSpan.Zero))}");
        }
    }

    private static string Squash(string value) => new([.. value.Where(char.IsLetter).Select(char.ToLowerInvariant)]);

    private static async Task<(Facets Facets, int Total)> FacetsAsync(NpgsqlConnection connection, Plan plan, CancellationToken ct)
    {
        // One statement over the matching set, materialised once: every facet counts the same articles as the list.
        var sql = $"""
            WITH m AS MATERIALIZED (
                SELECT a.id, a.outlet_id, a.language, ({DayExpression} AT TIME ZONE 'UTC')::date AS day
                FROM articles a WHERE {plan.Where})
            SELECT 'total', '', count(*)::int FROM m
            UNION ALL (SELECT 'country', e.country, count(DISTINCT m.id)::int FROM m JOIN article_entities x ON x.article_id = m.id
                JOIN entities e ON e.id = x.entity_id WHERE e.country IS NOT NULL GROUP BY e.country ORDER BY 3 DESC, 2 LIMIT {FacetSize})
            UNION ALL (SELECT 'actor', x.entity_id, count(*)::int FROM m JOIN article_entities x ON x.article_id = m.id
                JOIN entities e ON e.id = x.entity_id WHERE e.kind IN ('Person', 'Organisation') GROUP BY x.entity_id ORDER BY 3 DESC, 2 LIMIT {FacetSize})
            UNION ALL (SELECT 'outlet', o.slug, count(*)::int FROM m JOIN outlets o ON o.id = m.outlet_id GROUP BY o.slug ORDER BY 3 DESC, 2 LIMIT {FacetSize})
            UNION ALL (SELECT 'kind', o.kind, count(*)::int FROM m JOIN outlets o ON o.id = m.outlet_id GROUP BY o.kind ORDER BY 3 DESC, 2)
            UNION ALL (SELECT 'lang', m.language, count(*)::int FROM m WHERE m.language IS NOT NULL GROUP BY m.language ORDER BY 3 DESC, 2 LIMIT {FacetSize})
            UNION ALL (SELECT 'tag', t.slug, count(*)::int FROM m JOIN article_tags at ON at.article_id = m.id JOIN tags t ON t.id = at.tag_id
                GROUP BY t.slug ORDER BY 3 DESC, 2 LIMIT {FacetSize})
            UNION ALL (SELECT 'day', to_char(CASE WHEN m.day BETWEEN DATE '{UnrestFirst:yyyy-MM-dd}' AND DATE '{UnrestLast:yyyy-MM-dd}' THEN m.day
                ELSE date_trunc('week', m.day)::date END, 'YYYY-MM-DD'), count(*)::int FROM m GROUP BY 2 ORDER BY 2)
            """;
        await using var command = plan.Command(connection, sql);
        var rows = new List<(string Facet, string Value, int Count)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1), reader.GetInt32(2)));
            }
        }

        return (await LabelAsync(connection, rows, ct), rows.Single(r => r.Facet == "total").Count);
    }

    private static async Task<Facets> LabelAsync(NpgsqlConnection connection, List<(string Facet, string Value, int Count)> rows, CancellationToken ct)
    {
        var labels = new Dictionary<(string, string), string>();
        var entityIds = rows.Where(r => r.Facet == "actor").Select(r => r.Value).ToArray();
        var slugs = rows.Where(r => r.Facet is "outlet" or "tag").Select(r => r.Value).ToArray();
        await using (var command = new NpgsqlCommand("""
            SELECT 'actor', id, name FROM entities WHERE id = ANY(@ids)
            UNION ALL SELECT 'outlet', slug, name FROM outlets WHERE slug = ANY(@slugs)
            UNION ALL SELECT 'tag', slug, name FROM tags WHERE slug = ANY(@slugs)
            """, connection))
        {
            command.Parameters.AddWithValue("ids", entityIds);
            command.Parameters.AddWithValue("slugs", slugs);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                labels[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
            }
        }

        IReadOnlyList<FacetValue> Of(string facet, string field, Func<string, string> label) =>
            [.. rows.Where(r => r.Facet == facet).Select(r => new FacetValue(field, r.Value, label(r.Value), r.Count))];

        return new Facets(
            Of("country", "country", v => Gazetteer.Country(v)?.Name ?? v),
            Of("actor", "actor", v => labels.GetValueOrDefault(("actor", v), v)),
            Of("outlet", "outlet", v => labels.GetValueOrDefault(("outlet", v), v)),
            Of("kind", "kind", v => Enum.TryParse<OutletKind>(v, out var kind) ? OutletKinds.Label(kind) : v),
            Of("lang", "lang", Languages.Name),
            Of("tag", "tag", v => labels.GetValueOrDefault(("tag", v), v)),
            [.. rows.Where(r => r.Facet == "day").Select(r => Bucket(DateOnly.ParseExact(r.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Count))]);
    }

    private static DayBucket Bucket(DateOnly day, int count) =>
        day >= UnrestFirst && day <= UnrestLast
            ? new DayBucket(day, day, day.ToString("d MMM", CultureInfo.InvariantCulture), count)
            : new DayBucket(day, day.AddDays(6), "week of " + day.ToString("d MMM yyyy", CultureInfo.InvariantCulture), count);

    private static string OrderBy(Plan plan, Options options) =>
        options.Sort == "date" || plan.RankQuery is null ? "day DESC, id DESC" : "round(rank::numeric, 2) DESC, in_title DESC, day DESC, id DESC";

    private static string RankColumns(Plan plan)
    {
        var text = plan.RankQuery is null ? "0" : $"ts_rank(a.search_vector, {plan.Add(plan.RankQuery)}::tsquery)";
        var title = plan.RankQuery is null ? "false" : $"ts_rank('{{0, 0, 0, 1}}', a.search_vector, {plan.Add(plan.RankQuery)}::tsquery) > 0";
        var named = plan.NamedIds.Length == 0 ? "0"
            : $"0.1 * (SELECT count(*) FROM article_entities x WHERE x.article_id = a.id AND x.entity_id = ANY({plan.Add(plan.NamedIds)}))";
        return $"{text} + {named} AS rank, {title} AS in_title";
    }

    private static async Task<(int Shown, IReadOnlyList<Result> Results, IReadOnlyList<StoryResult> Stories)> ArticlesAsync(
        NpgsqlConnection connection, Plan plan, Options options, SearchNames names, KazakhDbContext db, CancellationToken ct)
    {
        // A copy is shown under its original when both match; alone (as the row of its group) when only it matches.
        var sql = $"""
            WITH m AS MATERIALIZED (
                SELECT a.id, coalesce(a.duplicate_of_id, a.id) AS original, a.duplicate_of_id IS NULL AS is_original,
                       {DayExpression} AS day, {RankColumns(plan)}
                FROM articles a WHERE {plan.Where}),
            g AS (
                SELECT DISTINCT ON (original) original, id, rank, in_title, day, count(*) OVER (PARTITION BY original) - 1 AS copies
                FROM m ORDER BY original, is_original DESC, rank DESC, day)
            SELECT id, copies::int, (SELECT count(*) FROM g)::int AS shown FROM g
            ORDER BY {OrderBy(plan, options)}
            LIMIT {options.PageSize} OFFSET {(options.Page - 1) * options.PageSize}
            """;
        var page = new List<(long Id, int Copies)>();
        var shown = 0;
        await using (var command = plan.Command(connection, sql))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                page.Add((reader.GetInt64(0), reader.GetInt32(1)));
                shown = reader.GetInt32(2);
            }
        }

        if (page.Count == 0)
        {
            shown = await CountGroupsAsync(connection, plan, ct);
            return (shown, [], []);
        }

        return (shown, await DescribeAsync(connection, plan, page, await names.EntitiesAsync(db, ct), ct), []);
    }

    private static async Task<int> CountGroupsAsync(NpgsqlConnection connection, Plan plan, CancellationToken ct)
    {
        await using var command = plan.Command(connection, $"SELECT count(DISTINCT coalesce(a.duplicate_of_id, a.id))::int FROM articles a WHERE {plan.Where}");
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The shown page's rows with their highlights, computed for these rows only.</summary>
    private static async Task<IReadOnlyList<Result>> DescribeAsync(NpgsqlConnection connection, Plan plan, List<(long Id, int Copies)> page,
        IReadOnlyDictionary<string, SearchNames.NamedEntity> entities, CancellationToken ct)
    {
        var query = plan.RankQuery is null ? "NULL::tsquery" : $"{plan.Add(plan.RankQuery)}::tsquery";
        var snippetOptions = $"StartSel={Start}, StopSel={Stop}, FragmentDelimiter={Fragment}, MaxFragments=2, MaxWords=28, MinWords=12";
        var sql = $"""
            SELECT a.id, a.title, o.name, o.slug, a.language, a.published_at, a.published_inferred OR a.inferred_published_on IS NOT NULL,
                   ({DayExpression} AT TIME ZONE 'UTC')::date, a.updated_at, a.story_id, a.on_topic, a.is_sample, a.text,
                   CASE WHEN {query} IS NULL THEN NULL ELSE ts_headline(ku_search_config(a.language), ku_fold(a.title), {query}, 'HighlightAll=true, StartSel={Start}, StopSel={Stop}') END,
                   CASE WHEN {query} IS NULL OR NOT a.search_vector @@ {query} THEN NULL
                        ELSE ts_headline(ku_search_config(a.language), ku_fold(a.text), {query}, '{snippetOptions}') END,
                   ARRAY(SELECT x.entity_id || ':' || x.first_start || ':' || x.first_length FROM article_entities x
                         WHERE x.article_id = a.id AND x.entity_id = ANY({plan.Add(plan.NamedIds)}) ORDER BY x.first_start)
            FROM articles a JOIN outlets o ON o.id = a.outlet_id
            WHERE a.id = ANY({plan.Add(page.Select(p => p.Id).ToArray())})
            """;
        var rows = new Dictionary<long, Result>();
        await using var command = plan.Command(connection, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            var title = reader.GetString(1);
            var text = reader.GetString(12);
            var titleHeadline = reader.IsDBNull(13) ? null : reader.GetString(13);
            var textHeadline = reader.IsDBNull(14) ? null : reader.GetString(14);
            var named = reader.GetFieldValue<string[]>(15).Select(Mention).Where(m => m.Entity is not null).ToList();
            var snippets = textHeadline is null ? [] : Highlights.Fragments(text, textHeadline, Start, Stop, Fragment);
            if (snippets.Count == 0 && named.Count > 0)
            {
                snippets = [Highlights.Around(text, named[0].Start, named[0].Length)];
            }

            rows[id] = new Result(id, title, titleHeadline is null ? [new Span(title, false)] : Highlights.Whole(title, titleHeadline, Start, Stop),
                reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.GetBoolean(6),
                DateOnly.FromDateTime(reader.GetDateTime(7)), reader.GetFieldValue<DateTimeOffset>(8), reader.IsDBNull(9) ? null : reader.GetInt64(9), reader.GetBoolean(10), reader.GetBoolean(11),
                page.First(p => p.Id == id).Copies, [.. named.Select(m => m.Entity!.Name).Distinct()], textHeadline is not null || titleHeadline?.Contains(Start) == true,
                snippets);
        }

        return [.. page.Where(p => rows.ContainsKey(p.Id)).Select(p => rows[p.Id])];

        (SearchNames.NamedEntity? Entity, int Start, int Length) Mention(string packed)
        {
            var parts = packed.Split(':');
            return (entities.GetValueOrDefault(string.Join(':', parts[..^2])), int.Parse(parts[^2], CultureInfo.InvariantCulture),
                int.Parse(parts[^1], CultureInfo.InvariantCulture));
        }
    }

    private static async Task<(int Shown, IReadOnlyList<Result> Results, IReadOnlyList<StoryResult> Stories)> StoriesAsync(
        NpgsqlConnection connection, Plan plan, Options options, CancellationToken ct)
    {
        var order = options.Sort == "date" || plan.RankQuery is null ? "s.last_published_at DESC, s.id DESC" : "round(best::numeric, 2) DESC, matching DESC, s.last_published_at DESC";
        var sql = $"""
            WITH m AS MATERIALIZED (
                SELECT a.id, a.story_id, {RankColumns(plan)} FROM articles a WHERE {plan.Where} AND a.story_id IS NOT NULL),
            g AS (SELECT story_id, count(*)::int AS matching, max(rank) AS best, min(id) AS first_id FROM m GROUP BY story_id)
            SELECT s.id, s.headline, g.matching, s.article_count, s.last_published_at, g.first_id, (SELECT count(*) FROM g)::int
            FROM g JOIN stories s ON s.id = g.story_id
            ORDER BY {order}
            LIMIT {options.PageSize} OFFSET {(options.Page - 1) * options.PageSize}
            """;
        var stories = new List<StoryResult>();
        var shown = 0;
        await using var command = plan.Command(connection, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stories.Add(new StoryResult(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt64(5)));
            shown = reader.GetInt32(6);
        }

        return (shown, [], stories);
    }
}

/// <summary>Highlighted runs as HTML: the text encoded, the matched runs in <c>&lt;mark&gt;</c>; never the text as markup.</summary>
public static class HighlightHtml
{
    /// <param name="markClass">A class for the marks (the article page tells search marks from cited sentences).</param>
    public static Microsoft.AspNetCore.Html.IHtmlContent Of(IEnumerable<SearchQueries.Span> spans, string? markClass = null)
    {
        var html = new Microsoft.AspNetCore.Html.HtmlContentBuilder();
        var open = markClass is null ? "<mark>" : $"<mark class=\"{markClass}\">";
        foreach (var span in spans)
        {
            if (span.Match)
            {
                html.AppendHtml(open).Append(span.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(span.Text);
            }
        }

        return html;
    }
}

/// <summary>Language codes as readers know them.</summary>
public static class Languages
{
    public static string Name(string code)
    {
        try
        {
            return CultureInfo.GetCultureInfo(code).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}

/// <summary>
/// Turns PostgreSQL's highlighted text back into runs of the original. Highlights are computed on folded text
/// (<c>ku_fold</c> replaces Kazakh letters one for one), so each fragment is found in the folded text at the same
/// place as in the original, and the original's letters are shown.
/// </summary>
public static class Highlights
{
    /// <summary>Characters shown on each side of a name when the text itself did not match (the article is linked to the entity).</summary>
    private const int Context = 110;

    public static IReadOnlyList<SearchQueries.Span> Whole(string original, string headline, char start, char stop) =>
        Fragments(original, headline, start, stop, '\0') is [var only] ? only : [new SearchQueries.Span(original, false)];

    public static IReadOnlyList<IReadOnlyList<SearchQueries.Span>> Fragments(string original, string headline, char start, char stop, char delimiter)
    {
        var folded = Fold(original);
        var fragments = new List<IReadOnlyList<SearchQueries.Span>>();
        foreach (var fragment in headline.Split(delimiter, StringSplitOptions.RemoveEmptyEntries))
        {
            var plain = fragment.Replace(start.ToString(), "", StringComparison.Ordinal).Replace(stop.ToString(), "", StringComparison.Ordinal);
            var at = folded.IndexOf(plain, StringComparison.Ordinal);
            var source = at < 0 ? plain : original.Substring(at, plain.Length);
            var spans = new List<SearchQueries.Span>();
            var (from, inside) = (0, false);
            var text = new StringBuilder();
            foreach (var ch in fragment)
            {
                if (ch == start || ch == stop)
                {
                    if (text.Length > 0)
                    {
                        spans.Add(new SearchQueries.Span(source.Substring(from, text.Length), inside));
                        from += text.Length;
                        text.Clear();
                    }

                    inside = ch == start;
                    continue;
                }

                text.Append(ch);
            }

            if (text.Length > 0)
            {
                spans.Add(new SearchQueries.Span(source.Substring(from, text.Length), inside));
            }

            fragments.Add(spans);
        }

        return fragments;
    }

    /// <summary>A marked stretch of a text, by offset.</summary>
    public readonly record struct Mark(int Start, int Length)
    {
        public int End => Start + Length;
    }

    /// <summary>
    /// Where a whole-text headline (<c>HighlightAll=true</c>) marks the original. The headline is the folded text
    /// with markers put in, so it is walked beside the folded original; should the database have left a character
    /// out, the walk skips ahead to the next one that agrees, and it stops rather than guess when none does.
    /// </summary>
    public static IReadOnlyList<Mark> Marks(string original, string headline, char start, char stop)
    {
        var folded = Fold(original);
        var marks = new List<Mark>();
        var (at, inside, openedAt) = (0, false, -1);
        foreach (var ch in headline)
        {
            if (ch == start || ch == stop)
            {
                if (ch == stop && openedAt >= 0)
                {
                    marks.Add(new Mark(openedAt, at - openedAt));
                }

                (inside, openedAt) = (ch == start, -1);
                continue;
            }

            var next = folded.IndexOf(ch, at);
            if (next < 0)
            {
                break;
            }

            if (inside && openedAt < 0)
            {
                openedAt = next;
            }

            at = next + 1;
        }

        return marks;
    }

    /// <summary>Marks in order, overlapping or touching ones joined.</summary>
    public static IReadOnlyList<Mark> Merge(IEnumerable<Mark> marks)
    {
        var merged = new List<Mark>();
        foreach (var mark in marks.Where(m => m.Length > 0).OrderBy(m => m.Start))
        {
            if (merged.Count > 0 && mark.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new Mark(last.Start, Math.Max(last.End, mark.End) - last.Start);
            }
            else
            {
                merged.Add(mark);
            }
        }

        return merged;
    }

    /// <summary>The sentence-sized stretch around a name, the name marked.</summary>
    public static IReadOnlyList<SearchQueries.Span> Around(string text, int start, int length)
    {
        if (start < 0 || length <= 0 || start + length > text.Length)
        {
            return [new SearchQueries.Span(text[..Math.Min(text.Length, 2 * Context)], false)];
        }

        var from = Math.Max(0, start - Context);
        var to = Math.Min(text.Length, start + length + Context);
        while (from > 0 && !char.IsWhiteSpace(text[from - 1]))
        {
            from++;
        }

        while (to < text.Length && !char.IsWhiteSpace(text[to]))
        {
            to--;
        }

        from = Math.Min(from, start);
        to = Math.Max(to, start + length);
        return [new(text[from..start], false), new(text.Substring(start, length), true), new(text[(start + length)..to], false)];
    }

    /// <summary>The same letters <c>ku_fold</c> replaces in the database (Search migration), one for one.</summary>
    private static string Fold(string text)
    {
        const string from = "ӘәҒғҚқҢңӨөҰұҮүҺһІі", to = "АаГгКкНнОоУуУуХхИи";
        return string.Create(text.Length, text, (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var at = from.IndexOf(source[i], StringComparison.Ordinal);
                chars[i] = at < 0 ? source[i] : to[at];
            }
        });
    }
}
