namespace KazakhUnrest.Core.Urls;

/// <summary>The site a host name stands for, however a link writes it.</summary>
public static class HostKey
{
    /// <summary>The host in lower case without a leading "www.": "WWW.Example.com" and "example.com" are one site.</summary>
    public static string Of(string host)
    {
        host = host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
