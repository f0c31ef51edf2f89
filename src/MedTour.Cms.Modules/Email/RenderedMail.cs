namespace MedTour.Cms.Modules.Email;

/// <summary>A mail ready for the outbox: subject, HTML and plain-text bodies.</summary>
public sealed record RenderedMail(string Subject, string Html, string Text);
