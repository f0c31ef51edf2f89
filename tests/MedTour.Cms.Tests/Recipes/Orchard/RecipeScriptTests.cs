using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Recipes;
using MedTour.Cms.Recipes.Scripting;
using Microsoft.Extensions.Configuration;

namespace MedTour.Cms.Tests.Recipes.Orchard;

/// <summary>Orchard's recipe expressions, evaluated in the Jint sandbox: every function, file access, and each kind of error.</summary>
public sealed class RecipeScriptTests
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string RecipeFolder = Path.Combine(AppContext.BaseDirectory, "Recipes", "Orchard");

    [Theory]
    [InlineData("[js: base64('V2VsY29tZSB0byB0aGUgYmxvZw==')]", "\"Welcome to the blog\"")]
    [InlineData("[js: html('&lt;p&gt;Tea &amp; cake&lt;/p&gt;')]", "\"<p>Tea & cake</p>\"")]
    [InlineData("[js: gzip('H4sIAAAAAAACA7MpsAvOyCwoSE1RSM7PLShKLS5OTbHRL7ADAOON8d4ZAAAA')]", "\"<p>Shipped compressed</p>\"")]
    [InlineData("[js: parameters('AdminUsername')]", "\"chief\"")]
    [InlineData("[js: parameters('SiteName')]", "\"Tea Shop\"")]
    [InlineData("[js: parameters('NoSuchParameter')]", "null")]
    [InlineData("[js: configuration('Shop:Currency', 'USD')]", "\"EUR\"")]
    [InlineData("[js: configuration('Shop:Missing', 'USD')]", "\"USD\"")]
    [InlineData("[js: 6 * 7]", "42")]
    [InlineData("[js: 0.5 + 0.25]", "0.75")]
    [InlineData("[js: 1 < 2]", "true")]
    [InlineData("[js: ({ a: [1, 'b'] })]", "{\"a\":[1,\"b\"]}")]
    [InlineData("[js: '[js: 40 + 2]']", "42")]
    [InlineData("[js: variables('greeting') + '!']", "\"Hello, chief!\"")]
    [InlineData("[js: typeof System + typeof importNamespace + typeof clrHelper]", "\"undefinedundefinedundefined\"")]
    [InlineData("[file: text('files/about.md')]", "\"# About this blog\\n\\nNotes on **slow travel** and good coffee.\\n\"")]
    [InlineData("[file: base64('files/logo.txt')]", "\"bG9nby1ieXRlcw==\"")]
    public void Expressions_evaluate_as_in_Orchard(string value, string expectedJson)
    {
        var step = Step(value);

        RecipeScriptEvaluator.EvaluateStep(step, Scope());

        Assert.Equal(expectedJson, step["Value"]?.ToJsonString(Unescaped) ?? "null");
    }

    [Theory]
    [InlineData("[not an expression]")]
    [InlineData("[Note: brackets and a colon]")]
    [InlineData("plain text [js: 1]")]
    public void Other_strings_are_left_alone(string value)
    {
        var step = Step(value);

        RecipeScriptEvaluator.EvaluateStep(step, Scope());

        Assert.Equal(value, step["Value"]!.GetValue<string>());
    }

    [Fact]
    public void Uuid_gives_a_new_Orchard_style_id_each_time()
    {
        var step = JsonNode.Parse("""{"name":"Content","data":[{"Id":"[js: uuid()]"},{"Id":"[js:uuid()]"}]}""")!.AsObject();

        RecipeScriptEvaluator.EvaluateStep(step, Scope());

        var ids = step["data"]!.AsArray().Select(i => i!["Id"]!.GetValue<string>()).ToList();
        Assert.All(ids, id => Assert.Matches("^[0-9a-z]{26}$", id));
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public void Variables_are_evaluated_once_and_shared_by_every_step()
    {
        var scope = Scope();
        var first = Step("[js: variables('id')]");
        var second = Step("[js: variables('id')]");

        RecipeScriptEvaluator.EvaluateStep(first, scope);
        RecipeScriptEvaluator.EvaluateStep(second, scope);

        Assert.Matches("^[0-9a-z]{26}$", first["Value"]!.GetValue<string>());
        Assert.Equal(first["Value"]!.GetValue<string>(), second["Value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("[js: uuid(]", "[js: uuid(] could not be evaluated")]
    [InlineData("[js: noSuchFunction()]", "noSuchFunction is not defined")]
    [InlineData("[js: variables('missing')]", "there is no variable 'missing'")]
    [InlineData("[js: variables('loop')]", "variable 'loop' refers to itself")]
    [InlineData("[js: while (true) {}]", "a loop that never ends")]
    [InlineData("[js: (function f() { return f(); })()]", "deeper than")]
    [InlineData("[js: configuration('MedTour:Admin:Password', '')]", "secrets are not given to recipes")]
    [InlineData("[js: base64('not base64!')]", "not Base64 text")]
    [InlineData("[file: text('../../MedTour.Cms.Tests.dll')]", "'../../MedTour.Cms.Tests.dll' is outside the recipe's folder")]
    [InlineData("[file: text('/etc/passwd')]", "'/etc/passwd' is outside the recipe's folder")]
    [InlineData("[file: text('files/missing.md')]", "there is no file 'files/missing.md'")]
    public void Errors_name_the_path_and_the_expression(string value, string expected)
    {
        var step = JsonNode.Parse("""{"name":"Content","data":[{"Value":"x"}]}""")!.AsObject();
        step["data"]![0]!["Value"] = value;

        var error = Assert.Throws<RecipeStepException>(() => RecipeScriptEvaluator.EvaluateStep(step, Scope()));

        Assert.Equal("data[0].Value", error.PathInStep);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Memory_is_limited()
    {
        var step = Step("[js: (function () { var a = []; for (var i = 0; i < 100000000; i++) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + i); } return a.length; })()]");
        var options = new RecipeScriptOptions { MemoryLimitBytes = 4 * 1024 * 1024, Timeout = TimeSpan.FromSeconds(30), MaxStatements = int.MaxValue };

        var error = Assert.Throws<RecipeStepException>(() => RecipeScriptEvaluator.EvaluateStep(step, Scope(options)));

        Assert.Contains("allocated more than 4 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_is_limited_even_when_statements_are_not()
    {
        var step = Step("[js: (function () { for (;;) {} })()]");
        var options = new RecipeScriptOptions { Timeout = TimeSpan.FromMilliseconds(200), MaxStatements = int.MaxValue };

        var error = Assert.Throws<RecipeStepException>(() => RecipeScriptEvaluator.EvaluateStep(step, Scope(options)));

        Assert.Contains("took longer than 0.2 s", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Step(string value)
    {
        var step = new JsonObject { ["name"] = "Settings", ["Value"] = value };
        return step;
    }

    private static RecipeScriptScope Scope(RecipeScriptOptions? options = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shop:Currency"] = "EUR",
            ["MedTour:Admin:Password"] = "very-secret",
        }).Build();
        var variables = JsonNode.Parse("""
            {"id": "[js: uuid()]", "greeting": "[js: 'Hello, ' + parameters('AdminUsername')]", "loop": "[js: variables('loop')]"}
            """)!.AsObject();
        var parameters = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["AdminUsername"] = "chief", ["SiteName"] = "Tea Shop" };
        return new RecipeScriptScope(variables, RecipeFolder, options ?? new RecipeScriptOptions(), configuration, parameters);
    }
}
