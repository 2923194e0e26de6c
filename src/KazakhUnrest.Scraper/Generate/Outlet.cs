namespace KazakhUnrest.Scraper.Generate;

/// <summary>A generated outlet and its house style.</summary>
public sealed record Outlet(string Slug, string Name, string Kind, string Country, bool Dateline, bool Standfirst, bool ShortParagraphs, HouseStyle Style);
