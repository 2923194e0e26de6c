using System.Net;
using System.Text;

namespace KazakhUnrest.DevTools.Generate;

/// <summary>An article as its outlet's web page would show it, furniture and all, for the extractor to meet.</summary>
public static class HtmlPage
{
    public static string Render(GeneratedArticle article, IReadOnlyList<GeneratedArticle> related)
    {
        var e = (string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
            .Append($"<title>{e(article.Title)} | {e(article.Outlet.Name)}</title>\n")
            .Append($"<meta property=\"og:title\" content=\"{e(article.Title)}\">\n")
            .Append($"<meta property=\"og:site_name\" content=\"{e(article.Outlet.Name)}\">\n")
            .Append($"<meta property=\"article:published_time\" content=\"{article.Published:yyyy-MM-dd'T'HH:mm:ssK}\">\n")
            .Append($"<link rel=\"canonical\" href=\"{e(article.Url)}\">\n</head><body>\n")
            .Append($"<header><nav><a href=\"/\">{e(article.Outlet.Name)}</a> <a href=\"/world\">World</a> <a href=\"/asia\">Asia</a> <a href=\"/business\">Business</a> <a href=\"/opinion\">Opinion</a></nav></header>\n")
            .Append("<div class=\"cookie-notice\">We use cookies to improve your experience. By continuing you accept our cookie policy. <button>Accept</button></div>\n")
            .Append($"<main><article><h1>{e(article.Title)}</h1>\n")
            .Append($"<time datetime=\"{article.Published:yyyy-MM-dd'T'HH:mm:ssK}\">{article.Published:d MMMM yyyy, HH:mm}</time>\n");
        foreach (var paragraph in article.Paragraphs)
        {
            html.Append($"<p>{e(paragraph)}</p>\n");
        }

        html.Append("</article>\n<div class=\"share\">Share: <a href=\"#\">Facebook</a> <a href=\"#\">Telegram</a> <a href=\"#\">X</a> <a href=\"#\">Email</a></div>\n")
            .Append("<aside class=\"related\"><h2>Related</h2><ul>\n");
        foreach (var other in related)
        {
            html.Append($"<li><a href=\"{e(other.Url)}\">{e(other.Title)}</a></li>\n");
        }

        html.Append("</ul></aside></main>\n")
            .Append($"<footer>© 2022 {e(article.Outlet.Name)}. All rights reserved. <a href=\"/privacy\">Privacy</a></footer>\n</body></html>\n");
        return html.ToString();
    }
}
