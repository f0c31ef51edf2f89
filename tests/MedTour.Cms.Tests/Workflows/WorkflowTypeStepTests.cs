using MedTour.Cms.Modules.Workflows.Model;
using MedTour.Cms.Modules.Workflows.Recipes;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Workflows;

/// <summary>Orchard's WorkflowType step: types are validated against the catalogue, stored per tenant, and versioned.</summary>
public abstract class WorkflowTypeStepTests(SiteFixture site)
{
    private static string Step(string condition) => """
        {"name":"WorkflowType","data":[{"WorkflowTypeId":"wf-alert","Name":"Alert","IsEnabled":true,
          "Activities":[
            {"ActivityId":"start","Name":"ContentPublishedEvent","IsStart":true,"Properties":{"ContentTypeFilter":["Article"]}},
            {"ActivityId":"check","Name":"IfElseTask","Properties":{"Condition":{"Expression":"CONDITION"}}}],
          "Transitions":[{"Id":1,"SourceActivityId":"start","SourceOutcomeName":"Done","DestinationActivityId":"check"}]}]}
        """.Replace("CONDITION", condition, StringComparison.Ordinal);

    [Fact]
    public async Task A_workflow_type_is_stored_per_tenant_and_a_change_adds_a_version()
    {
        await ImportAsync("usa", Step("true"));
        await ImportAsync("usa", Step("true"));
        await ImportAsync("usa", Step("input('x') > 1"));

        await using (var scope = site.TenantScope("usa"))
        {
            var store = scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>();
            Assert.Equal([2, 1], (await store.VersionsAsync("wf-alert")).Select(v => v.Version));
            Assert.Equal("true", (await store.FindAsync("wf-alert", 1))!.Activities[1].Properties["Condition"]!["Expression"]!.GetValue<string>());
        }

        await using var europe = site.TenantScope("europe");
        Assert.Null(await europe.ServiceProvider.GetRequiredService<WorkflowTypeStore>().FindAsync("wf-alert"));
    }

    [Fact]
    public async Task A_workflow_type_with_a_bad_activity_is_refused_naming_it()
    {
        var bad = Step("true").Replace("IfElseTask", "IfElseTsak", StringComparison.Ordinal).Replace("wf-alert", "wf-bad", StringComparison.Ordinal);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ImportAsync("usa", bad));

        Assert.Contains("Activities[1] (IfElseTsak \"check\"): there is no activity named 'IfElseTsak'", error.Message, StringComparison.Ordinal);
        await using var scope = site.TenantScope("usa");
        Assert.Null(await scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>().FindAsync("wf-bad"));
    }

    [Fact]
    public async Task A_recipe_with_a_bad_workflow_type_fails_as_a_whole_naming_the_activity_and_imports_nothing()
    {
        var bad = Step("true").Replace("IfElseTask", "IfElseTsak", StringComparison.Ordinal).Replace("wf-alert", "wf-recipe-bad", StringComparison.Ordinal);
        var good = Step("true").Replace("wf-alert", "wf-recipe-good", StringComparison.Ordinal);
        await using var scope = site.TenantScope("usa");
        var recipe = RecipeReader.Parse($$"""{"name":"wf","steps":[{{good}},{{bad}}]}""", "wf.recipe.json");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe));

        Assert.Contains("IfElseTsak \"check\"", error.Message, StringComparison.Ordinal);
        await using var after = site.TenantScope("usa");
        Assert.Null(await after.ServiceProvider.GetRequiredService<WorkflowTypeStore>().FindAsync("wf-recipe-good"));
    }

    private async Task ImportAsync(string tenant, string step)
    {
        await using var scope = site.TenantScope(tenant);
        var recipe = RecipeReader.Parse($$"""{"name":"wf","steps":[{{step}}]}""", "wf.recipe.json");
        var context = new RecipeStepContext(scope.ServiceProvider.GetRequiredService<RecipeExecutor>(), recipe, 0, recipe.Json["steps"]![0]!.AsObject());
        await scope.ServiceProvider.GetRequiredService<WorkflowTypeStep>().ExecuteAsync(context);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteWorkflowTypeStepTests(SqliteSite site) : WorkflowTypeStepTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresWorkflowTypeStepTests(PostgresSite site) : WorkflowTypeStepTests(site);
