using GraphQL.Types;
using MedTour.Cms.Modules.Graph.Schema;

namespace MedTour.Cms.Modules.Graph.Mutations;

/// <summary>
/// The schema's only mutation (ADR 0021): <c>submitForm(form, values)</c>, the consultation form sent through the same
/// pipeline and validation as <c>POST /api/forms/{form}/submissions</c>. Files cannot be sent this way (use the REST
/// endpoint with multipart).
/// </summary>
public static class SubmitFormMutation
{
    public static ObjectGraphType Create(Scalars s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var value = new InputObjectGraphType { Name = "FormValueInput", Description = "One field's value, by the field's name in the form." };
        value.AddField(Gql.Input("name", Gql.NonNull(s.String)));
        value.AddField(Gql.Input("value", s.String));

        var result = new ObjectGraphType { Name = "FormSubmission", Description = "A stored submission: its reference is what the patient quotes on the phone." };
        result.AddField(Gql.Field("reference", Gql.NonNull(s.String), c => ((SubmitFormResolver.Accepted)c.Source!).Reference));
        result.AddField(Gql.Field("message", s.String, c => ((SubmitFormResolver.Accepted)c.Source!).Message, "The form's success message."));

        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.AddField(Gql.AsyncField("submitForm", result, SubmitFormResolver.SubmitAsync,
            new QueryArguments(
                Gql.Argument("form", Gql.NonNull(s.String)),
                Gql.Argument("values", Gql.NonNull(Gql.List(Gql.NonNull(value))))),
            "Sends a form (by content item id or path). Refusals are errors with extensions.code and, for a field, extensions.field."));
        return mutation;
    }
}
