using KazakhUnrest.Core.Urls;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KazakhUnrest.Web.Shared;

/// <summary>
/// Every link to another site goes through here, checked again at output whatever the scraper stored: only a web
/// address becomes a link, written in its parsed form so the browser reads the scheme that was checked.
/// </summary>
public static class OutsideLinks
{
    public static bool IsWebLink(string? url) => WebAddress.TryParse(url, out _);

    /// <summary>
    /// A link to <paramref name="url"/> reading <paramref name="label"/> (the address itself when null). An address that
    /// is not a web address is shown as plain text when it is the label, and left out when a label stands for it.
    /// </summary>
    public static IHtmlContent OutsideLink(this IHtmlHelper html, string? url, string? label = null)
    {
        if (!WebAddress.TryParse(url, out var web))
        {
            // Encoded when written, by the page's own encoder.
            return label is null && url is not null ? new HtmlContentBuilder().Append(url) : HtmlString.Empty;
        }

        var link = new TagBuilder("a");
        link.MergeAttribute("href", web.AbsoluteUri);
        link.MergeAttribute("rel", "noopener noreferrer nofollow");
        link.InnerHtml.Append(label ?? url!);
        return link;
    }
}
