using System.Buffers.Text;
using System.Security.Cryptography;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Serilog.Core;
using Serilog.Events;

namespace KazakhUnrest.Web.Search;

/// <summary>
/// Searches kept under a name. The token is the private address (<c>/search/saved/{token}</c>): whoever holds it may
/// open, rename or delete the search, so it is 128 random bits and never written to a log (see
/// <see cref="SavedSearchTokenRedaction"/>). A signed-in person also owns what they save and finds it on
/// <c>/search/saved</c>.
/// </summary>
public static class SavedSearches
{
    public const string PrivatePrefix = "/search/saved/";

    private const int TokenBytes = 16;

    /// <summary>The options a saved search keeps, in the order its query string lists them.</summary>
    public sealed record Saved(SearchQuery Query, string Topic, string Sort, string View)
    {
        /// <summary>The saved search's query string, as <c>/search?…</c> and <c>/search/feed?…</c> take it.</summary>
        public string QueryString
        {
            get
            {
                var parts = new List<string> { "q=" + Uri.EscapeDataString(Query.Text) };
                if (Topic != "on")
                {
                    parts.Add("topic=" + Topic);
                }

                if (Sort != "relevance")
                {
                    parts.Add("sort=" + Sort);
                }

                if (View != "articles")
                {
                    parts.Add("view=" + View);
                }

                return string.Join("&", parts);
            }
        }
    }

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>The shape of a token (22 base64url characters); anything else is no saved search's address.</summary>
    public static bool IsToken(string? token) =>
        token is { Length: 22 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The search an address's parameters describe, with unknown option values set to their defaults.</summary>
    public static Saved From(string? q, string? topic, string? sort, string? view) =>
        new(SearchQuery.Parse(q), SearchQueries.Options.NormalizeTopic(topic), SearchQueries.Options.NormalizeSort(sort),
            SearchQueries.Options.NormalizeView(view));

    /// <summary>A stored query string read back.</summary>
    public static Saved Parse(string queryString)
    {
        var values = QueryHelpers.ParseQuery(queryString);
        string? Value(string name) => values.TryGetValue(name, out var value) ? value.ToString() : null;
        return From(Value("q"), Value("topic"), Value("sort"), Value("view"));
    }

    /// <summary>Why this search cannot be saved, or null.</summary>
    public static string? Refusal(Saved search) =>
        search.Query.Error
        ?? (search.Query.IsEmpty ? "There is no search to save: type a query first." : null)
        ?? (search.QueryString.Length > SavedSearchLimits.Query ? "This search is too long to save." : null);

    /// <summary>
    /// Keeps the search, or finds it kept already: the same name and search saved again by the same owner, or the
    /// same form sent twice (its <paramref name="proposedToken"/>, made by <see cref="ProposeToken"/>), is one row.
    /// </summary>
    public static async Task<SavedSearch> SaveAsync(KazakhDbContext db, TimeProvider clock, string? ownerId, string name, Saved search,
        string? proposedToken, CancellationToken ct)
    {
        var query = search.QueryString;
        var kept = ownerId is null
            ? proposedToken is null ? null : await db.SavedSearches.FirstOrDefaultAsync(s => s.Token == proposedToken, ct)
            : await db.SavedSearches.FirstOrDefaultAsync(s => s.OwnerId == ownerId && s.Name == name && s.Query == query, ct);
        if (kept is not null && kept.OwnerId == ownerId && kept.Name == name && kept.Query == query)
        {
            return kept;
        }

        var free = proposedToken is not null && kept is null && !await db.SavedSearches.AnyAsync(s => s.Token == proposedToken, ct);
        var now = clock.GetUtcNow();
        var row = new SavedSearch
        {
            Token = free ? proposedToken! : NewToken(),
            Name = name,
            Query = query,
            OwnerId = ownerId,
            CreatedAt = now,
            LastVisitedAt = now,
        };
        db.SavedSearches.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return row;
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same form sent twice at once: the other request kept it under the proposed token.
            db.ChangeTracker.Clear();
            return await db.SavedSearches.AsNoTracking().FirstAsync(s => s.Token == row.Token, ct);
        }
    }

    /// <summary>
    /// A token for a save form, sealed so that only this site can have made it: sending the form twice saves once,
    /// and nobody can choose the address of what they save.
    /// </summary>
    public static (string Token, string Sealed) ProposeToken(IDataProtectionProvider protection)
    {
        var token = NewToken();
        return (token, Protector(protection).Protect(token));
    }

    /// <summary>The token a save form proposed, or null when the form did not come from this site.</summary>
    public static string? ProposedToken(IDataProtectionProvider protection, string? sealedToken)
    {
        if (string.IsNullOrEmpty(sealedToken))
        {
            return null;
        }

        try
        {
            var token = Protector(protection).Unprotect(sealedToken);
            return IsToken(token) ? token : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static Task<SavedSearch?> FindAsync(KazakhDbContext db, string? token, CancellationToken ct) =>
        IsToken(token) ? db.SavedSearches.FirstOrDefaultAsync(s => s.Token == token, ct) : Task.FromResult<SavedSearch?>(null);

    /// <summary>Matching articles first seen after the search was last opened.</summary>
    public static Task<int> NewMatchesAsync(KazakhDbContext db, SearchNames names, SavedSearch saved, CancellationToken ct)
    {
        var search = Parse(saved.Query);
        return SearchQueries.CountFirstSeenAfterAsync(db, names, search.Query, search.Topic, saved.LastVisitedAt, ct);
    }

    public static string FeedLink(SavedSearch saved) => "/search/feed?" + saved.Query;

    public static string SearchLink(SavedSearch saved) => "/search?" + saved.Query;

    private static IDataProtector Protector(IDataProtectionProvider protection) => protection.CreateProtector("KazakhUnrest.SavedSearch.Token");
}

/// <summary>
/// Keeps saved searches' private addresses out of the logs: a request path under <c>/search/saved/</c> is logged
/// without its token (the request log line, and every event written during such a request, carry the path).
/// </summary>
public sealed class SavedSearchTokenRedaction : ILogEventEnricher
{
    public const string Redacted = SavedSearches.PrivatePrefix + "{token}";

    private static readonly string[] PathProperties = ["RequestPath", "Path"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var name in PathProperties)
        {
            if (logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: string path }
                && path.StartsWith(SavedSearches.PrivatePrefix, StringComparison.OrdinalIgnoreCase))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(Redacted)));
            }
        }
    }
}
