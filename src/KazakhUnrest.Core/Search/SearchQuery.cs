using System.Globalization;
using System.Text;

namespace KazakhUnrest.Core.Search;

/// <summary>A word or a "quoted phrase" as typed; the database turns it into a text-search query.</summary>
public sealed record SearchTerm(string Text, bool Phrase)
{
    /// <summary>What <c>websearch_to_tsquery</c> is given: a phrase keeps its quotes, so the words must be adjacent.</summary>
    public string ForDatabase => Phrase ? $"\"{Text}\"" : Text;

    public override string ToString() => ForDatabase;
}

/// <summary>
/// One condition of the query: any of its terms (<c>a OR b</c>), or, when <see cref="Excluded"/>, none of them
/// (<c>-a</c>). Conditions are all required.
/// </summary>
public sealed record SearchClause(IReadOnlyList<SearchTerm> Any, bool Excluded);

/// <summary>A field filter as typed: <c>outlet:reuters</c>, <c>actor:"Xi Jinping"</c>, <c>from:2022-01-05</c>.</summary>
public sealed record SearchFilter(string Field, string Value)
{
    public override string ToString() => Value.Any(char.IsWhiteSpace) ? $"{Field}:\"{Value}\"" : $"{Field}:{Value}";
}

/// <summary>
/// A reader's query, parsed as people type it: words, "quoted phrases", <c>OR</c>, <c>-excluded</c>, and field
/// filters (<see cref="Fields"/>). Parsing never fails: what cannot be read is reported in <see cref="Problems"/>
/// (an unbalanced quote is closed at the end, an empty filter is dropped), and only <see cref="Error"/> stops a search.
/// The text of each term is left to PostgreSQL's <c>websearch_to_tsquery</c>, which never fails on any input, so
/// tsquery and SQL metacharacters are plain text here.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>Longer queries are refused: nobody types them, and each term costs a text-search condition.</summary>
    public const int MaxLength = 500;

    /// <summary>More words and phrases than anyone types; each one is a condition in the database query.</summary>
    public const int MaxClauses = 24;

    /// <summary>The field filters a query may hold, in the order the help text lists them.</summary>
    public static readonly IReadOnlyList<string> Fields = ["outlet", "actor", "country", "tag", "lang", "kind", "from", "to"];

    private SearchQuery(string text, IReadOnlyList<SearchClause> clauses, IReadOnlyList<SearchFilter> filters,
        DateOnly? from, DateOnly? to, IReadOnlyList<string> problems, string? error)
    {
        Text = text;
        Clauses = clauses;
        Filters = filters;
        From = from;
        To = to;
        Problems = problems;
        Error = error;
    }

    /// <summary>The query as typed (trimmed).</summary>
    public string Text { get; }

    public IReadOnlyList<SearchClause> Clauses { get; }

    /// <summary>The field filters other than dates, in the order typed.</summary>
    public IReadOnlyList<SearchFilter> Filters { get; }

    /// <summary>First day included (<c>from:</c>).</summary>
    public DateOnly? From { get; }

    /// <summary>Last day included (<c>to:</c>).</summary>
    public DateOnly? To { get; }

    /// <summary>What was read differently from how it was typed, said to the reader beside the results.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Why this query cannot be run at all; null when it can.</summary>
    public string? Error { get; }

    public bool IsEmpty => Clauses.Count == 0 && Filters.Count == 0 && From is null && To is null;

    public IEnumerable<string> Values(string field) =>
        Filters.Where(f => f.Field == field).Select(f => f.Value);

    public static SearchQuery Parse(string? typed)
    {
        var text = (typed ?? "").Trim();
        if (text.Length > MaxLength)
        {
            return new SearchQuery(text[..MaxLength], [], [], null, null, [],
                $"The query is {text.Length:N0} characters long; at most {MaxLength} are read. Shorten it to the words that matter.");
        }

        var problems = new List<string>();
        var clauses = new List<SearchClause>();
        var filters = new List<SearchFilter>();
        DateOnly? from = null, to = null;
        string? error = null;
        var joinNext = false;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var excluded = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (excluded)
            {
                i++;
            }

            var (word, phrase) = ReadTerm(text, ref i, problems);
            if (!phrase && !excluded && word is "OR" or "|")
            {
                joinNext = clauses.Count > 0 && !clauses[^1].Excluded;
                continue;
            }

            if (!phrase && FieldOf(word) is var (field, valueAt))
            {
                var value = word[valueAt..];
                if (value.Length == 0 && i < text.Length && OpensPhrase(text[i]))
                {
                    (value, _) = ReadTerm(text, ref i, problems);
                }

                value = value.Trim();
                if (excluded)
                {
                    // Filters only narrow; applying "-outlet:x" as "outlet:x" would show exactly what was excluded.
                    problems.Add($"\"-{field}:{value}\" cannot exclude: filters only narrow, so it was left out.");
                }
                else if (value.Length == 0)
                {
                    problems.Add($"\"{field}:\" has no value and was left out.");
                }
                else if (field is "from" or "to")
                {
                    if (ReadDay(value, field == "to") is { } day)
                    {
                        if (field == "from")
                        {
                            from = day;
                        }
                        else
                        {
                            to = day;
                        }
                    }
                    else
                    {
                        error ??= $"\"{field}:{value}\" is not a date: write it as 2022-01-05 (a day) or 2022-01 (a month).";
                    }
                }
                else
                {
                    filters.Add(new SearchFilter(field, value));
                }

                joinNext = false;
                continue;
            }

            if (word.Length == 0)
            {
                continue;
            }

            var term = new SearchTerm(word, phrase);
            if (joinNext && !excluded)
            {
                clauses[^1] = clauses[^1] with { Any = [.. clauses[^1].Any, term] };
            }
            else
            {
                clauses.Add(new SearchClause([term], excluded));
            }

            joinNext = false;
        }

        // Terms joined by OR count one by one: each is its own condition in the database query.
        var terms = clauses.Sum(c => c.Any.Count);
        if (terms > MaxClauses)
        {
            error ??= $"The query has {terms} words or phrases; at most {MaxClauses} are searched for at once.";
        }

        if (from is { } f && to is { } t && f > t)
        {
            problems.Add($"from:{f:yyyy-MM-dd} is after to:{t:yyyy-MM-dd}, so no day fits.");
        }

        if (clauses.Count > 0 && clauses.All(c => c.Excluded))
        {
            problems.Add("The query only excludes words; it shows everything else.");
        }

        return new SearchQuery(text, clauses, filters, from, to, problems, error);
    }

    /// <summary>The query with one filter added (replacing another value of the same date field), for facet links.</summary>
    public string With(string field, string value)
    {
        var kept = field is "from" or "to" ? Without("from").Without("to") : this;
        return Join(kept.Text, new SearchFilter(field, value).ToString());
    }

    /// <summary>The query with every filter of a field taken out, for the "remove" link of a chosen facet.</summary>
    public SearchQuery Without(string field) => Without(field, null);

    /// <summary>The query with one filter value (or, when <paramref name="value"/> is null, every value of the field) taken out.</summary>
    public SearchQuery Without(string field, string? value)
    {
        var parts = new List<string>();
        var i = 0;
        while (i < Text.Length)
        {
            if (char.IsWhiteSpace(Text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            // Read as Parse reads: "-" glued to a phrase belongs to it, and a slice must not split them.
            if (Text[i] == '-' && i + 1 < Text.Length && !char.IsWhiteSpace(Text[i + 1]))
            {
                i++;
            }

            var (word, phrase) = ReadTerm(Text, ref i, []);
            var found = !phrase ? FieldOf(word) : null;
            var filterValue = found is { } f ? word[f.ValueAt..] : null;
            if (found is not null && filterValue!.Length == 0 && i < Text.Length && OpensPhrase(Text[i]))
            {
                (filterValue, _) = ReadTerm(Text, ref i, []);
            }

            var drop = found?.Name == field && (value is null || string.Equals(filterValue?.Trim(), value, StringComparison.OrdinalIgnoreCase));
            if (!drop)
            {
                parts.Add(Text[start..i]);
            }
        }

        return Parse(string.Join(' ', parts));
    }

    private static string Join(string query, string filter) => query.Length == 0 ? filter : $"{query} {filter}";

    /// <summary>The canonical field a word starts with (<c>language:ru</c> is <c>lang</c>) and where its value starts; null when it is not a filter.</summary>
    private static (string Name, int ValueAt)? FieldOf(string word)
    {
        var colon = word.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var name = word[..colon].ToLowerInvariant() switch
        {
            "language" => "lang",
            "person" or "org" or "who" => "actor",
            "since" => "from",
            "until" => "to",
            var typed => typed,
        };
        return Fields.Contains(name) ? (name, colon + 1) : null;
    }

    /// <summary>Reads a word (up to white space or a quote) or a quoted phrase (up to the closing quote, else the end).</summary>
    private static (string Text, bool Phrase) ReadTerm(string text, ref int i, List<string> problems)
    {
        if (OpensPhrase(text[i]) || text[i] is '”' or '»')
        {
            var close = text[i] switch { '“' => '”', '«' => '»', _ => '"' };
            var start = ++i;
            var end = text.IndexOfAny(close == '"' ? ['"', '”'] : [close, '"'], start);
            if (end < 0)
            {
                problems.Add("A quote was not closed; the phrase was read to the end of the query.");
                i = text.Length;
                return (Collapse(text[start..]), true);
            }

            i = end + 1;
            return (Collapse(text[start..end]), true);
        }

        var from = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && (!OpensPhrase(text[i]) || i == from))
        {
            i++;
        }

        return (text[from..i], false);
    }

    /// <summary>A quote that starts a phrase even glued to a word, as in <c>actor:“Xi Jinping”</c>.</summary>
    private static bool OpensPhrase(char ch) => ch is '"' or '“' or '«';

    private static string Collapse(string phrase) => string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static DateOnly? ReadDay(string value, bool endOfMonth)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        if (DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return endOfMonth ? month.AddMonths(1).AddDays(-1) : month;
        }

        return null;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var clause in Clauses)
        {
            text.Append(clause.Excluded ? " -" : " ").AppendJoin(" OR ", clause.Any);
        }

        foreach (var filter in Filters)
        {
            text.Append(' ').Append(filter);
        }

        return text.ToString().Trim();
    }
}
