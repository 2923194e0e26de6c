namespace KazakhUnrest.DevTools.Generate;

/// <summary>A generated outlet and its house style.</summary>
public sealed record GeneratedOutlet(string Slug, string Name, string Kind, string Country, bool Dateline, bool Standfirst, bool ShortParagraphs, HouseStyle Style);
