using MedTour.Cms.Tenancy.Changes;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Tenancy;

/// <summary>
/// Picks the request's tenant (host, then longest URL prefix, else Default), moves the prefix into PathBase,
/// and stops requests to sites that are not running. Host endpoints (health) are left alone.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, TenantActivity activity)
{
    public async Task InvokeAsync(HttpContext context, CurrentTenant current, TenantHostResolver hosts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(current);
        var request = context.Request;
        if (request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }

        // A Host that is not a host name or address ("a..b") can't make a URL: refused before anything builds one.
        if (request.Host.HasValue && Uri.CheckHostName(request.Host.Host) == UriHostNameType.Unknown)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("The Host header is not a valid host name.");
            return;
        }

        // The host without its port; a host no tenant declares gets the Default tenant and no cache entries.
        var (match, cacheable) = hosts.Resolve(request);
        if (!cacheable)
        {
            CacheableRequest.Forbid(context);
        }

        if (match is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            await context.Response.WriteAsync("MedTour.Cms is starting: no site is set up yet.");
            return;
        }

        switch (match.Tenant.State)
        {
            case TenantState.Uninitialized or TenantState.Initializing:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "5";
                await context.Response.WriteAsync($"The site '{match.Tenant.DisplayName ?? match.Tenant.Name}' is being set up. Please try again in a few seconds.");
                return;
            case TenantState.Disabled:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }

        if (match.PathBase.Length > 0)
        {
            request.PathBase = request.PathBase.Add(match.PathBase);
            request.Path = request.Path.Value!.Length > match.PathBase.Length ? request.Path.Value[match.PathBase.Length..] : "/";
        }

        current.Set(match.Tenant);
        activity.Served(match.Tenant.Name);
        await next(context);
    }
}
