using System.Reflection;

namespace MedTour.Cms.BrowserTests.Infrastructure;

/// <summary>Where the tests find the host's build output, axe-core and the folder for screenshots.</summary>
public static class RepoPaths
{
    private const string SolutionFile = "MedTour.Cms.sln";

    /// <summary>The repository root (the folder with MedTour.Cms.sln above the test assembly), or null when the tests run outside the repository.</summary>
    public static string? Root { get; } = FindRoot();

    /// <summary>Release or Debug: the configuration the test assembly was built in, so the host of the same build is started.</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : "Release";

    /// <summary>
    /// MedTour.Cms.Web.dll to run: MEDTOUR_WEB_DLL when set; else the Web project's own build output of the same
    /// configuration and framework (what `dotnet build` of the solution leaves, `dotnet test --no-build` included);
    /// else the copy the project reference puts next to the test assembly.
    /// </summary>
    public static string WebAppDll()
    {
        if (Environment.GetEnvironmentVariable("MEDTOUR_WEB_DLL") is { Length: > 0 } overridden)
        {
            return File.Exists(overridden)
                ? Path.GetFullPath(overridden)
                : throw new FileNotFoundException($"MEDTOUR_WEB_DLL points to {overridden}, which does not exist.");
        }

        var tried = new List<string>();
        if (Root is not null)
        {
            var framework = Path.GetFileName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            if (!framework.StartsWith("net", StringComparison.Ordinal))
            {
                framework = "net10.0";
            }

            var own = Path.Combine(Root, "src", "MedTour.Cms.Web", "bin", Configuration, framework, "MedTour.Cms.Web.dll");
            tried.Add(own);
            if (IsRunnable(own))
            {
                return own;
            }
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "MedTour.Cms.Web.dll");
        tried.Add(beside);
        if (IsRunnable(beside))
        {
            return beside;
        }

        throw new FileNotFoundException(
            $"MedTour.Cms.Web.dll ({Configuration}) was not found; build the solution first (`dotnet build MedTour.Cms.sln -c {Configuration}`). Tried: {string.Join(", ", tried)}");
    }

    /// <summary>axe-core's browser bundle, installed by `npm ci` in tests/MedTour.Cms.BrowserTests (test.sh does it).</summary>
    public static string AxeScript()
    {
        var tried = new List<string> { Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js") };
        if (Root is not null)
        {
            tried.Add(Path.Combine(Root, "tests", "MedTour.Cms.BrowserTests", "node_modules", "axe-core", "axe.min.js"));
        }

        return tried.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"axe-core is not installed: run `npm ci` in tests/MedTour.Cms.BrowserTests (./test.sh does it). Tried: {string.Join(", ", tried)}");
    }

    /// <summary>
    /// Screenshots go to MEDTOUR_SCREENSHOTS_DIR (test.sh sets it to its TestResults/screenshots), else to
    /// TestResults/screenshots at the repository root (gitignored), else under the test output.
    /// </summary>
    public static string ScreenshotsDirectory() =>
        Environment.GetEnvironmentVariable("MEDTOUR_SCREENSHOTS_DIR") is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.Combine(Root ?? AppContext.BaseDirectory, "TestResults", "screenshots");

    private static bool IsRunnable(string dll) =>
        File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json"));

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
