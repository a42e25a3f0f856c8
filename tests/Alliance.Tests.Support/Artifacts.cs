namespace Alliance.Tests.Support;

/// <summary>The repository's artifacts/ folder (test results, screenshots), found from the test's working folder.</summary>
public static class Artifacts
{
    public static string Folder(string sub)
    {
        var path = Path.Combine(RepositoryRoot()?.FullName ?? Path.GetTempPath(), "artifacts", sub);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The folder holding Alliance.sln above the test's working folder, or null outside a checkout.</summary>
    public static DirectoryInfo? RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alliance.sln")))
        {
            directory = directory.Parent;
        }

        return directory;
    }
}
