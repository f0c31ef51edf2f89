using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;
using MedTour.Cms.Content;
using Microsoft.Extensions.Configuration;

namespace MedTour.Cms.Recipes.Scripting;

/// <summary>
/// The expressions of one recipe: its <c>variables</c> (each evaluated once, when first asked for, then shared
/// by every step), its folder for <c>[file: …]</c>, and the setup parameters. Every expression runs in a fresh
/// Jint engine with time, memory, statement and recursion limits and no CLR access, as Orchard runs each in a
/// scope of its own. Not thread-safe: one recipe import at a time.
/// </summary>
public sealed class RecipeScriptScope(
    JsonObject variables,
    string? folder,
    RecipeScriptOptions options,
    IConfiguration configuration,
    IReadOnlyDictionary<string, string?> parameters)
{
    private static readonly string[] SecretMarkers = ["password", "connectionstring", "secret"];
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);

    /// <summary>The value of an expression string, evaluated again while it yields another expression.</summary>
    public JsonNode? Evaluate(RecipeExpression expression)
    {
        var result = Run(expression);
        for (var i = 0; result is JsonValue value && value.TryGetValue<string>(out var text) && RecipeExpression.TryParse(text, out var next); i++)
        {
            if (i >= options.MaxReevaluations)
            {
                throw new RecipeScriptException($"the result is again an expression after {options.MaxReevaluations} evaluations.");
            }

            result = Run(next);
        }

        return result;
    }

    private JsonNode? Run(RecipeExpression expression)
    {
        var engine = new Engine(o => o
            .Strict()
            .TimeoutInterval(options.Timeout)
            .LimitMemory(options.MemoryLimitBytes)
            .LimitRecursion(options.RecursionLimit)
            .MaxStatements(options.MaxStatements));
        if (expression.Prefix == RecipeExpression.File)
        {
            engine.SetValue("text", new Func<string, JsValue>(path => new JsString(File.ReadAllText(ResolveFile(path)))));
            engine.SetValue("base64", new Func<string, JsValue>(path => new JsString(Convert.ToBase64String(File.ReadAllBytes(ResolveFile(path))))));
        }
        else
        {
            engine.SetValue("uuid", new Func<JsValue>(() => new JsString(ContentIds.New())));
            engine.SetValue("variables", new Func<string, JsValue>(name => RecipeScriptValues.ToScript(engine, Variable(name))));
            engine.SetValue("parameters", new Func<string, JsValue>(name => parameters.TryGetValue(name ?? string.Empty, out var v) && v is not null ? new JsString(v) : JsValue.Null));
            engine.SetValue("configuration", new Func<string, JsValue, JsValue>((key, fallback) => Configuration(key, fallback)));
            engine.SetValue("base64", new Func<string, JsValue>(text => new JsString(Encoding.UTF8.GetString(FromBase64(text)))));
            engine.SetValue("html", new Func<string, JsValue>(text => new JsString(WebUtility.HtmlDecode(text ?? string.Empty))));
            engine.SetValue("gzip", new Func<string, JsValue>(text => new JsString(Gunzip(text))));
        }

        try
        {
            return RecipeScriptValues.ToJson(engine, engine.Evaluate(expression.Code));
        }
        catch (RecipeScriptException)
        {
            throw;
        }
        catch (TimeoutException e)
        {
            throw new RecipeScriptException($"took longer than {options.Timeout.TotalSeconds:0.###} s (a loop that never ends?).", e);
        }
        catch (StatementsCountOverflowException e)
        {
            throw new RecipeScriptException($"ran more than {options.MaxStatements} statements (a loop that never ends?).", e);
        }
        catch (MemoryLimitExceededException e)
        {
            throw new RecipeScriptException($"allocated more than {options.MemoryLimitBytes / (1024 * 1024)} MB.", e);
        }
        catch (RecursionDepthOverflowException e)
        {
            throw new RecipeScriptException($"called functions deeper than {options.RecursionLimit} levels.", e);
        }
        catch (Exception e) when (e is JavaScriptException or FormatException or InvalidDataException or IOException or UnauthorizedAccessException
            || e.GetType().Namespace?.StartsWith("Acornima", StringComparison.Ordinal) == true || e.GetType().Namespace?.StartsWith("Jint", StringComparison.Ordinal) == true)
        {
            throw new RecipeScriptException(e.Message, e);
        }
    }

    private JsonNode? Variable(string name)
    {
        if (name is null || !variables.TryGetPropertyValue(name, out var node))
        {
            throw new RecipeScriptException($"there is no variable '{name}' in the recipe's \"variables\" (known: {string.Join(", ", variables.Select(v => v.Key))}).");
        }

        if (node is not JsonValue value || !value.TryGetValue<string>(out var text) || !RecipeExpression.TryParse(text, out var expression))
        {
            return node;
        }

        if (!_resolving.Add(name))
        {
            throw new RecipeScriptException($"variable '{name}' refers to itself ({string.Join(" → ", _resolving)} → {name}).");
        }

        try
        {
            var resolved = Evaluate(expression);
            variables[name] = resolved?.DeepClone();
            return resolved;
        }
        catch (RecipeScriptException e)
        {
            throw new RecipeScriptException($"variable '{name}' ({text}): {e.Message}", e);
        }
        finally
        {
            _resolving.Remove(name);
        }
    }

    private JsValue Configuration(string key, JsValue fallback)
    {
        key ??= string.Empty;
        if (SecretMarkers.Any(m => key.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RecipeScriptException($"configuration('{key}'): secrets are not given to recipes.");
        }

        var value = configuration[key.Replace('.', ':')];
        return value is not null ? new JsString(value) : fallback ?? JsValue.Null;
    }

    private string ResolveFile(string relativePath)
    {
        if (folder is null)
        {
            throw new RecipeScriptException("this recipe was not read from a folder, so it has no files to read.");
        }

        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath) ? null : Path.GetFullPath(Path.Combine(root, relativePath));
        if (full is null || !full.StartsWith(root, StringComparison.Ordinal))
        {
            throw new RecipeScriptException($"'{relativePath}' is outside the recipe's folder.");
        }

        if (!File.Exists(full))
        {
            throw new RecipeScriptException($"there is no file '{relativePath}' in the recipe's folder.");
        }

        // A link inside the folder may not lead out of it.
        var target = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        return target.StartsWith(root, StringComparison.Ordinal) ? full : throw new RecipeScriptException($"'{relativePath}' links outside the recipe's folder.");
    }

    private static byte[] FromBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text ?? string.Empty);
        }
        catch (FormatException e)
        {
            throw new RecipeScriptException("the argument is not Base64 text.", e);
        }
    }

    private static string Gunzip(string text)
    {
        using var input = new MemoryStream(FromBase64(text));
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
