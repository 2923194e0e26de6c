using System.ComponentModel.DataAnnotations;

namespace KazakhUnrest.Scraper.Fetching;

/// <summary>How <see cref="PoliteFetcher"/> behaves; bound from the "Fetch" configuration section.</summary>
public sealed class FetchOptions
{
    public const string Section = "Fetch";

    /// <summary>Identifies the bot and a contact so site owners can reach us instead of blocking blindly.</summary>
    [Required, MinLength(8)]
    public string UserAgent { get; set; } = "KazakhUnrestBot/1.0 (+https://github.com/kazakhunrest; news research)";

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PerHostDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Hosts that ask for a different pace than <see cref="PerHostDelay"/>, by host name. GDELT asks API
    /// users for at most one request every 5 seconds.
    /// </summary>
    public Dictionary<string, TimeSpan> HostDelays { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["api.gdeltproject.org"] = TimeSpan.FromSeconds(5),
    };

    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// For one request, headers and body, so a trickling server ends in Timeout; counted per redirect
    /// hop and not including the wait for the host's turn, which depends on other fetches.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Cap on the bytes received (compressed or not), enforced while reading.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Cap on a compressed body once inflated, against decompression bombs.</summary>
    [Range(1, long.MaxValue)]
    public long MaxDecompressedBytes { get; set; } = 20 * 1024 * 1024;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Addresses or CIDR ranges reachable even though they are private or loopback
    /// (tests and a local mirror); everything else private is refused after DNS resolution.
    /// </summary>
    public List<string> AllowedPrivateNetworks { get; set; } = [];

    public bool RespectRobots { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan RobotsCacheTime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Upper bound on a robots.txt Crawl-delay, so one hostile file cannot stall a host forever.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxCrawlDelay { get; set; } = TimeSpan.FromMinutes(1);
}
