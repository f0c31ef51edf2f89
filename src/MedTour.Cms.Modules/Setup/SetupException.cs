namespace MedTour.Cms.Modules.Setup;

/// <summary>Setup cannot go on because of the host's configuration (e.g. an administrator password Identity refuses); the message says which setting.</summary>
public sealed class SetupException(string message) : Exception(message);
