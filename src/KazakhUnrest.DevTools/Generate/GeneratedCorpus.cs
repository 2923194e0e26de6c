namespace KazakhUnrest.DevTools.Generate;

/// <summary>The generated articles in publication order, ids assigned, and the outlets they came from.</summary>
public sealed record GeneratedCorpus(IReadOnlyList<GeneratedOutlet> Outlets, IReadOnlyList<GeneratedArticle> Articles);
