using System.Globalization;
using GraphQL;
using MedTour.Cms.Content.Caching;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Forms;
using MedTour.Cms.Modules.Graph.Query;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Graph.Mutations;

/// <summary>
/// Runs <c>submitForm</c> through <see cref="SubmissionPipeline"/>. A refused post is one GraphQL error per problem
/// (the field in <c>extensions.field</c>, the HTTP status the REST endpoint would give in <c>extensions.status</c>),
/// and nothing is stored.
/// </summary>
public static class SubmitFormResolver
{
    public sealed record Accepted(string Reference, string? Message);

    public static async ValueTask<object?> SubmitAsync(IResolveFieldContext context)
    {
        var graph = GraphContext.Of(context);
        if (graph.Http is not { } http || HttpMethods.IsGet(http.Request.Method))
        {
            // GraphQL over HTTP: a GET never changes anything.
            throw new ExecutionError("submitForm: mutations are sent with POST.") { Code = "METHOD_NOT_ALLOWED" };
        }

        var services = context.RequestServices!;
        var messages = services.GetRequiredService<FormMessages>();
        var name = Schema.Gql.Value<string>(context, "form") ?? string.Empty;
        var form = await FormLookup.FindAsync(name, services.GetRequiredService<PageCulture>(), services.GetRequiredService<PublishedContent>());
        if (form is null)
        {
            throw Error(messages.Text("There is no form at this address."), "FORM_NOT_FOUND", "form", StatusCodes.Status404NotFound);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in context.GetArgument<List<object?>>("values") ?? [])
        {
            if (pair is IDictionary<string, object?> entry && entry.TryGetValue("name", out var key) && key is string field)
            {
                values[field] = entry.TryGetValue("value", out var v) && v is string text ? text : string.Empty;
            }
        }

        var outcome = await services.GetRequiredService<SubmissionPipeline>().RunAsync(http, form, new PostedForm(values, [], null));
        if (outcome.Reference is { } reference)
        {
            return new Accepted(reference, form.SuccessMessage);
        }

        if (outcome.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var code = outcome.Status == StatusCodes.Status429TooManyRequests ? "RATE_LIMITED" : "INVALID_SUBMISSION";
        foreach (var problem in outcome.Errors)
        {
            var message = messages.Of(problem, form);
            context.Errors.Add(Error(problem.Field.Length > 0 ? $"{problem.Field}: {message}" : message, code, problem.Field, outcome.Status, context));
        }

        return null;
    }

    private static ExecutionError Error(string message, string code, string field, int status, IResolveFieldContext? context = null)
    {
        var error = new ExecutionError(message) { Code = code };
        if (context is not null)
        {
            error.AddLocation(context.FieldAst, context.Document);
            error.Path = context.Path;
        }

        if (field.Length > 0)
        {
            error.AddExtension("field", field);
        }

        error.AddExtension("status", status);
        return error;
    }
}
