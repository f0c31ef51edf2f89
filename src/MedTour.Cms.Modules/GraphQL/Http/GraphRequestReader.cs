using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// Reads a request as the GraphQL-over-HTTP spec describes: GET with <c>query</c>, <c>variables</c>,
/// <c>operationName</c> and <c>extensions</c> (Apollo's persisted query hash); POST with <c>application/json</c> or
/// <c>application/graphql</c>. Anything else is a <see cref="GraphRequestException"/> naming what is wrong.
/// </summary>
public static class GraphRequestReader
{
    public static async Task<GraphRequest> ReadAsync(HttpRequest request, GraphQLSerializer serializer, GraphQLOptions options)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            var q = request.Query;
            return new GraphRequest(
                Text(q["query"]),
                Parse<Inputs>(serializer, Text(q["variables"]), "variables"),
                Text(q["operationName"]),
                PersistedHash(Parse<Inputs>(serializer, Text(q["extensions"]), "extensions")));
        }

        var body = await ReadBodyAsync(request, options.MaxBodyBytes);
        var mediaType = request.ContentType is { } contentType ? contentType.Split(';')[0].Trim().ToLowerInvariant() : null;
        switch (mediaType)
        {
            case "application/json":
                return ReadJsonBody(serializer, body);
            case "application/graphql":
                return new GraphRequest(body, Parse<Inputs>(serializer, Text(request.Query["variables"]), "variables"), Text(request.Query["operationName"]), null);
            default:
                throw new GraphRequestException(StatusCodes.Status415UnsupportedMediaType,
                    $"Content-Type '{request.ContentType}' is not supported: send application/json or application/graphql.", "UNSUPPORTED_MEDIA_TYPE");
        }
    }

    /// <summary>
    /// The body's members checked one by one, so an error names the member, not a .NET type. <c>variables</c> may also be
    /// a string holding the JSON object (as GET sends it, and some clients post it).
    /// </summary>
    private static GraphRequest ReadJsonBody(GraphQLSerializer serializer, string body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new GraphRequestException(StatusCodes.Status400BadRequest, $"body: not valid JSON ({e.Message.Split('.')[0]}).", "BAD_REQUEST");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new GraphRequestException(StatusCodes.Status400BadRequest, "The request body must be a JSON object with a \"query\".", "BAD_REQUEST");
        }

        string? Member(string name, bool stringHoldsObject = false)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Object when stringHoldsObject => value.GetRawText(),
                _ => throw new GraphRequestException(StatusCodes.Status400BadRequest,
                    stringHoldsObject ? $"{name}: expected a JSON object." : $"{name}: expected a string.", "BAD_REQUEST"),
            };
        }

        return new GraphRequest(
            Member("query"),
            Parse<Inputs>(serializer, Member("variables", stringHoldsObject: true), "variables"),
            Member("operationName"),
            PersistedHash(Parse<Inputs>(serializer, Member("extensions", stringHoldsObject: true), "extensions")));
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw TooLarge(limit);
            }
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new GraphRequestException(StatusCodes.Status400BadRequest, "The request body is not valid UTF-8.", "BAD_REQUEST");
        }
    }

    private static GraphRequestException TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit} bytes.", "REQUEST_TOO_LARGE");

    private static T? Parse<T>(GraphQLSerializer serializer, string? json, string what)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return default;
        }

        try
        {
            return serializer.Deserialize<T>(json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException or ArgumentException)
        {
            throw new GraphRequestException(StatusCodes.Status400BadRequest, $"{what}: not valid JSON of the expected shape ({e.Message.Split('.')[0]}).", "BAD_REQUEST");
        }
    }

    private static string? PersistedHash(Inputs? extensions)
    {
        if (extensions is null || !extensions.TryGetValue("persistedQuery", out var persisted) || persisted is not IDictionary<string, object?> values)
        {
            return null;
        }

        return values.TryGetValue("sha256Hash", out var hash) && hash is string text && text.Length == 64 && text.All(char.IsAsciiHexDigit)
            ? text.ToLowerInvariant()
            : throw new GraphRequestException(StatusCodes.Status400BadRequest, "extensions.persistedQuery.sha256Hash: expected 64 hexadecimal characters.", "BAD_REQUEST");
    }

    private static string? Text(Microsoft.Extensions.Primitives.StringValues value) => value.Count == 0 ? null : value[0];
}
