using System.IO.Hashing;
using GraphQL;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Graph.Query;
using MedTour.Cms.Modules.Graph.Schema;
using MedTour.Cms.Settings;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// <c>/{prefix}/api/graphql</c>: reads the request, checks who is asking (anonymous where the tenant allows it, or an
/// API token), finds the document (sent, persisted by hash, or allow-listed), runs it against the tenant's cached
/// schema and writes the result. Anonymous persisted GETs are stored in the output cache under the content tags of
/// what they returned, with an ETag (304 on a match) and Cache-Control. Every failure is a GraphQL error, never a 500.
/// </summary>
public static class GraphQLEndpoint
{
    private const string GraphQLResponse = "application/graphql-response+json";

    public static async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<GraphQLOptions>>().Value;
        var executor = services.GetRequiredService<GraphExecutor>();
        var tenant = services.GetRequiredService<CurrentTenant>().Settings;
        var modern = http.Request.Headers.Accept.ToString().Contains(GraphQLResponse, StringComparison.OrdinalIgnoreCase);
        try
        {
            var request = await GraphRequestReader.ReadAsync(http.Request, executor.Serializer, options);
            var settings = GraphQLTenantSettings.From(await services.GetRequiredService<SiteSettingsStore>().GetAsync(), tenant);
            var scope = await GraphAccess.ScopeAsync(http, settings);
            var (query, hash) = Document(request, settings, services.GetRequiredService<PersistedQueries>(), tenant.Name, options);
            var definition = await services.GetRequiredService<ContentDefinitionManager>().GetAsync(http.RequestAborted);
            var cacheable = HttpMethods.IsGet(http.Request.Method) && scope == ReadScope.Published && !http.Request.Headers.ContainsKey(HeaderNames.Authorization);
            var context = new GraphContext(tenant, scope, BaseUrl(http.Request), options.MaxFirst, services)
            {
                SchemaEntry = services.GetRequiredService<TenantSchemaCache>().Get(tenant.Name, definition),
                DocumentKey = settings.Introspection ? hash : hash + ":no-introspection",
                Http = http,
                // Only an anonymous persisted GET is stored by the output cache, under the tags of what it returned.
                TrackTags = cacheable && request.IsPersisted,
            };
            var result = await executor.ExecuteAsync(context, query, request.Variables, request.OperationName, settings.Introspection, services, http.RequestAborted);
            var status = !result.Executed && modern ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
            await WriteAsync(http, executor, result, status, modern, cacheable ? context : null, request.IsPersisted && result.Errors is not { Count: > 0 } && !context.DoNotStore, options);
        }
        catch (GraphRequestException e)
        {
            PageQuery.DoNotStore(http);
            await WriteAsync(http, executor, Error(e.Message, e.Code), e.Status, modern, null, false, options);
        }
    }

    private static (string Query, string Hash) Document(GraphRequest request, GraphQLTenantSettings settings, PersistedQueries persisted, string tenant, GraphQLOptions options)
    {
        if (request.Query is { } sent)
        {
            if (sent.Length > options.MaxDocumentLength)
            {
                throw new GraphRequestException(StatusCodes.Status400BadRequest, $"query: the document is longer than {options.MaxDocumentLength} characters.", "DOCUMENT_TOO_LARGE");
            }

            var hash = DocumentHash.Of(sent);
            if (request.PersistedHash is { } claimed && claimed != hash)
            {
                throw new GraphRequestException(StatusCodes.Status400BadRequest, "provided sha does not match query", "PERSISTED_QUERY_HASH_MISMATCH");
            }

            if (settings.AllowListOnly && !settings.AllowList.ContainsKey(hash))
            {
                throw new GraphRequestException(StatusCodes.Status400BadRequest, "This site runs only allow-listed documents; this one is not on its list.", "DOCUMENT_NOT_ALLOWED");
            }

            if (request.IsPersisted)
            {
                persisted.Keep(tenant, hash, sent);
            }

            return (sent, hash);
        }

        if (request.PersistedHash is { } id)
        {
            var document = settings.AllowList.GetValueOrDefault(id) ?? (settings.AllowListOnly ? null : persisted.Find(tenant, id));
            return document is null
                ? throw new GraphRequestException(StatusCodes.Status200OK, "PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND")
                : (document, id);
        }

        throw new GraphRequestException(StatusCodes.Status400BadRequest, "query: a GraphQL document is required (or extensions.persistedQuery with a known sha256Hash).", "BAD_REQUEST");
    }

    private static async Task WriteAsync(HttpContext http, GraphExecutor executor, ExecutionResult result, int status, bool modern, GraphContext? anonymous, bool store, GraphQLOptions options)
    {
        var buffer = executor.Buffers.Write(result);
        try
        {
            var response = http.Response;
            response.StatusCode = status;
            response.ContentType = (modern ? GraphQLResponse : "application/json") + "; charset=utf-8";
            if (anonymous is null || status != StatusCodes.Status200OK)
            {
                PageQuery.DoNotStore(http);
                response.Headers.CacheControl = "no-store";
            }
            else
            {
                // A validator, not a signature: a 128-bit non-cryptographic hash (SHA-256 of ~28 KB was ~5 % of a request's CPU).
                var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(XxHash128.Hash(buffer.WrittenSpan)) + "\"");
                response.GetTypedHeaders().ETag = etag;
                if (store && http.Features.Get<IOutputCacheFeature>() is { } outputCache)
                {
                    outputCache.Context.Tags.UnionWith(anonymous.Tags);
                    outputCache.Context.Tags.Add(CacheTags.Tenant(anonymous.Tenant.Name));
                    outputCache.Context.Tags.Add(CacheTags.AllPages);
                    response.Headers.CacheControl = $"public, max-age={options.MaxAgeSeconds}";
                }
                else
                {
                    // Documents sent in full are not stored: their query strings have no bound. Clients revalidate with the ETag.
                    PageQuery.DoNotStore(http);
                    response.Headers.CacheControl = "no-cache";
                }

                if (http.Request.GetTypedHeaders().IfNoneMatch.Any(e => e.Compare(etag, useStrongComparison: false)))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
            }

            response.ContentLength = buffer.WrittenCount;
            await response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
        }
        finally
        {
            // The body stream has copied the bytes (or failed) by now: the buffer can serve the next request.
            executor.Buffers.Return(buffer);
        }
    }

    private static ExecutionResult Error(string message, string code) =>
        new() { Errors = [new ExecutionError(message) { Code = code }] };

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
