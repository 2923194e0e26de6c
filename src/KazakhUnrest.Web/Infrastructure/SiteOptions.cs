using System.ComponentModel.DataAnnotations;

namespace KazakhUnrest.Web.Infrastructure;

public sealed class SiteOptions
{
    public const string Section = "Site";

    [Range(5, 200)]
    public int PageSize { get; set; } = 25;
}
