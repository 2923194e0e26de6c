using System.ComponentModel.DataAnnotations;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>Where the archive services live; bound from "Archives" so tests can point them at a local server.</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archives";

    [Required]
    public Uri GdeltBaseUrl { get; set; } = new("https://api.gdeltproject.org/api/v2/doc/doc");

    [Required]
    public Uri WaybackCdxUrl { get; set; } = new("https://web.archive.org/cdx/search/cdx");

    /// <summary>Root of raw snapshot URLs: {WaybackBaseUrl}/web/{timestamp}id_/{original}.</summary>
    [Required]
    public Uri WaybackBaseUrl { get; set; } = new("https://web.archive.org");

    /// <summary>GDELT's own cap on one ArtList answer; a window that fills it is split and asked again.</summary>
    [Range(1, 250)]
    public int GdeltMaxRecords { get; set; } = 250;

    /// <summary>The smallest window GDELT is asked about; one that still fills the cap is kept as is, marked incomplete.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan GdeltMinWindow { get; set; } = TimeSpan.FromHours(1);
}
