namespace MedTour.Cms.Modules.Contents;

/// <summary>A request the page cannot answer (an unknown filter value, a page out of range): shown as a themed 400 or 404 naming the problem.</summary>
public sealed class PageProblemException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
