namespace MedTour.Cms.Modules.Search.Queries;

/// <summary>A query template that is not valid Orchard Lucene DSL; <see cref="Path"/> says where (<c>query.bool.must[1]</c>).</summary>
public sealed class QueryDslException : Exception
{
    public QueryDslException(string path, string message) : base($"{path}: {message}") => Path = path;

    public QueryDslException() { }

    public QueryDslException(string message, Exception inner) : base(message, inner) { }

    public string Path { get; } = string.Empty;
}
