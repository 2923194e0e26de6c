using System.ComponentModel.DataAnnotations;

namespace KazakhUnrest.Web.Shared;

public sealed class SiteOptions
{
    public const string Section = "Site";

    [Range(5, 200)]
    public int PageSize { get; set; } = 25;

    /// <summary>How long a read page is served from memory; 0 builds every page afresh.</summary>
    [Range(0, 3600)]
    public int PageCacheSeconds { get; set; } = 30;
}
