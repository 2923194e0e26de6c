namespace KazakhUnrest.Tests.Extraction;

internal static class RepositoryPaths
{
    /// <summary>The folder holding KazakhUnrest.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string DevSet => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "extraction-dev"));

    public static string Sample(string prefix) =>
        Directory.GetFiles(Path.Combine(Root, "samples", "capture"), prefix + "-*.html").Single();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KazakhUnrest.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("KazakhUnrest.sln not found above " + AppContext.BaseDirectory);
    }
}
