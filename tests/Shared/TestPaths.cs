namespace AlignBot.Tests.Shared;

/// <summary>Finds the repository root and the shared reference folder beside it, from wherever the tests run.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The folder that holds reference/ and tools/: ALIGNBOT_SHARED_DIR, or ../shared next to the repository.</summary>
    public static string SharedDirectory { get; } =
        Environment.GetEnvironmentVariable("ALIGNBOT_SHARED_DIR") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Reference(params string[] parts) => Path.Combine([SharedDirectory, "reference", .. parts]);

    public static string Tool(params string[] parts) => Path.Combine([SharedDirectory, "tools", .. parts]);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlignBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AlignBot.sln not found above " + AppContext.BaseDirectory);
    }
}
