namespace KazakhUnrest.Scraper.Sources;

internal static class QueryString
{
    /// <summary>Appends escaped parameters to a base URL that may already carry a query.</summary>
    public static Uri Append(Uri baseUrl, IEnumerable<(string Name, string Value)> parameters)
    {
        var query = string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
        var builder = new UriBuilder(baseUrl);
        builder.Query = string.IsNullOrEmpty(builder.Query) ? query : builder.Query.TrimStart('?') + "&" + query;
        return builder.Uri;
    }
}
