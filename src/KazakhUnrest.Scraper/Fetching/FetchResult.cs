using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Scraper.Fetching;

/// <summary>Everything one <see cref="PoliteFetcher.FetchAsync"/> call learned; failures carry <see cref="Error"/>.</summary>
public sealed record FetchResult
{
    public required Uri RequestedUrl { get; init; }
    public required FetchOutcome Outcome { get; init; }

    /// <summary>The URL that answered, after redirects; the requested URL when none were followed.</summary>
    public required Uri FinalUrl { get; init; }

    public int? StatusCode { get; init; }

    /// <summary>Media type without parameters, lower case, e.g. "text/html".</summary>
    public string? ContentType { get; init; }

    /// <summary>The charset named by the Content-Type header, as sent; <see cref="DecodeText()"/> may decide otherwise.</summary>
    public string? Charset { get; init; }

    /// <summary>The body, already decompressed; empty unless <see cref="Outcome"/> is <see cref="FetchOutcome.Ok"/>.</summary>
    public byte[] Body { get; init; } = [];

    /// <summary>Validators to store and pass back as <see cref="FetchConditions"/> next time.</summary>
    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    /// <summary>From Retry-After on 429/503: how long the server asked us to stay away.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>From Cache-Control max-age, else Expires: when the server says the content may change.</summary>
    public DateTimeOffset? SuggestedNextCheck { get; init; }

    /// <summary>Human-readable reason for every outcome other than Ok and NotModified.</summary>
    public string? Error { get; init; }

    /// <summary>Things that did not stop the fetch but deserve a look, e.g. an unknown charset name.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public TimeSpan Elapsed { get; init; }

    public bool IsSuccess => Outcome is FetchOutcome.Ok or FetchOutcome.NotModified;

    /// <summary>The body as text, with the charset chosen by <see cref="CharsetDetector"/>.</summary>
    public string DecodeText() => DecodeText(out _);

    /// <summary>As <see cref="DecodeText()"/>, also saying which charset was used and why, or what went wrong.</summary>
    public string DecodeText(out CharsetDecision decision)
    {
        decision = CharsetDetector.Detect(Body, Charset);
        return decision.Decode(Body);
    }
}
