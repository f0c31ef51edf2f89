using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MedTour.Cms.Modules;

public static class PageEndpointExtensions
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// A public page: answers GET and HEAD (crawlers and link checkers send HEAD; Kestrel drops the body). It sees no
    /// query parameters but those it declares with <see cref="WithQuery"/>.
    /// </summary>
    public static RouteHandlerBuilder MapPage(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
        endpoints.MapMethods(pattern, GetAndHead, handler).AddEndpointFilter<PageQueryFilter>();

    /// <summary>The query parameters the page reads (and validates); any other is dropped before it runs.</summary>
    public static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder builder, params string[] keys) =>
        builder.WithMetadata(new PageQuery(keys));
}
