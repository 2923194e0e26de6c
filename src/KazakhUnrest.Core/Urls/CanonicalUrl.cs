namespace KazakhUnrest.Core.Urls;

/// <summary>
/// One spelling per article URL, so the same report reached through a feed, a share link and an
/// archive copy is stored once.
/// </summary>
public static class CanonicalUrl
{
    // Parameters that identify a campaign or a click, never the content.
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "yclid", "msclkid", "igshid", "mc_cid", "mc_eid",
        "_ga", "_gl", "_hsenc", "_hsmi", "ocid", "cmpid", "cmp", "spm", "smid", "smtyp", "ito", "ns_mchannel",
        "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "ref", "ref_src", "referrer", "src", "share",
        "sharetype", "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4",
        "rss", "from", "via", "feature", "guccounter", "ncid", "sr_share", "taid", "mkt_tok", "oly_anon_id",
        "oly_enc_id", "rb_clickid", "s_cid", "vero_conv", "vero_id", "wt_mc", "WT.mc_id",
    };

    public static Uri Normalize(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"Not an absolute URL: {url}", nameof(url));
        }

        if (url.Scheme is not ("http" or "https"))
        {
            return url;
        }

        var builder = new UriBuilder(url)
        {
            Scheme = url.Scheme.ToLowerInvariant(),
            Host = url.IdnHost.ToLowerInvariant().TrimEnd('.'),
            Fragment = "",
            Query = NormalizeQuery(url.Query),
        };
        if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }

        if (builder.Path.Length == 0)
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    public static string Normalize(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ? Normalize(uri).AbsoluteUri : url.Trim();

    private static string NormalizeQuery(string query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return "";
        }

        var kept = query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(pair.Split('=', 2)[0]))
            .OrderBy(pair => pair, StringComparer.Ordinal);
        return string.Join('&', kept);
    }

    private static bool IsTracking(string name)
    {
        var decoded = Uri.UnescapeDataString(name);
        return decoded.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
            || decoded.StartsWith("pk_", StringComparison.OrdinalIgnoreCase)
            || TrackingParameters.Contains(decoded);
    }
}
