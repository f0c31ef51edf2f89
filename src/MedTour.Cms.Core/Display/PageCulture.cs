namespace MedTour.Cms.Display;

/// <summary>
/// The culture of the page being rendered. Scoped. A site with several cultures serves its default culture at
/// its root and each other culture under a prefix (<c>/ua/ru/…</c>); <see cref="PageCultureMiddleware"/> sets it.
/// </summary>
public sealed class PageCulture
{
    public string Name { get; private set; } = "en";

    /// <summary>"" for the site's default culture, else "/ru".</summary>
    public string Prefix { get; private set; } = string.Empty;

    public void Set(string name, string prefix)
    {
        Name = name;
        Prefix = prefix;
    }
}
