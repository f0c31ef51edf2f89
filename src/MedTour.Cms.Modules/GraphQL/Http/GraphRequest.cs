using GraphQL;

namespace MedTour.Cms.Modules.Graph;

/// <summary>One GraphQL HTTP request, read from the query string (GET) or the body (POST).</summary>
public sealed record GraphRequest(string? Query, Inputs? Variables, string? OperationName, string? PersistedHash)
{
    public bool IsPersisted => PersistedHash is not null;
}

/// <summary>A request that cannot be run: its HTTP status and the message of the GraphQL error.</summary>
public sealed class GraphRequestException(int status, string message, string code) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}
