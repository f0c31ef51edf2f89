using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Data;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Tenants;

/// <summary>
/// Our "Tenants" step (Default tenant only): declares tenants; once the import commits, each new one is
/// created and set up from its recipe. Tenants that already exist are left as they are, so the step can be
/// run again.
/// </summary>
public sealed class TenantsStep(CurrentTenant current, TenantRegistry registry, TenantManager manager, RecipeReader recipes, UnitOfWork unitOfWork) : IRecipeStepHandler
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.General) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    public string Name => "Tenants";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!current.Settings.IsDefault)
        {
            throw RecipeStepContext.Error(string.Empty, "only the Default tenant's recipes may declare tenants.");
        }

        var declared = context.RequiredArray("Tenants");
        var accepted = new List<TenantSettings>();
        for (var i = 0; i < declared.Count; i++)
        {
            var path = $"Tenants[{i}]";
            var tenant = Read(declared[i], path);
            if (registry.Find(tenant.Name) is not null)
            {
                accepted.Add(tenant);
                continue;
            }

            try
            {
                TenantSettingsValidator.Validate(tenant, [.. registry.All, .. accepted]);
            }
            catch (TenantValidationException e)
            {
                throw RecipeStepContext.Error($"{path}.{e.Field}", e.Message[(e.Field.Length + 2)..]);
            }

            if (tenant.RecipeName is { } recipe && recipes.Find(recipe) is null)
            {
                throw RecipeStepContext.Error($"{path}.RecipeName", $"there is no recipe named '{recipe}'.");
            }

            accepted.Add(tenant);
        }

        await unitOfWork.AfterCommitAsync(async () =>
        {
            foreach (var tenant in accepted)
            {
                if (registry.Find(tenant.Name) is null)
                {
                    manager.Create(tenant);
                }

                // One region's bad recipe must not keep the others (or the tenant declaring them) from running:
                // the manager has logged and recorded the failure for readiness.
                try
                {
                    await manager.SetupAsync(tenant.Name);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    continue;
                }
            }
        });
    }

    private static TenantSettings Read(JsonNode? node, string path)
    {
        if (node is not JsonObject)
        {
            throw RecipeStepContext.Error(path, "expected a tenant object with Name, RequestUrlPrefix or RequestUrlHosts, Cultures and RecipeName.");
        }

        try
        {
            var declaration = node.Deserialize<TenantDeclaration>(JsonOptions) ?? throw RecipeStepContext.Error(path, "expected a tenant object.");
            return declaration.ToSettings();
        }
        catch (JsonException e)
        {
            throw RecipeStepContext.Error(path + (e.Path is { Length: > 1 } p ? p[1..] : string.Empty), e.Message.Split(" Path:")[0]);
        }
    }

    /// <summary>A tenant as a recipe writes it.</summary>
    private sealed record TenantDeclaration
    {
        public required string Name { get; init; }
        public string? DisplayName { get; init; }
        public string? RequestUrlPrefix { get; init; }
        public List<string> RequestUrlHosts { get; init; } = [];
        public List<string> Cultures { get; init; } = ["en"];
        public string Theme { get; init; } = "MedTour";
        public string? RecipeName { get; init; }
        public List<string> Features { get; init; } = [];
        public RegionSettings? Region { get; init; }
        public TenantDatabaseSettings? Database { get; init; }
        /// <summary>Set the tenant up even if its recipe asks for steps or features this host lacks.</summary>
        public bool SkipUnsupported { get; init; }

        public TenantSettings ToSettings() => new()
        {
            Name = Name,
            DisplayName = DisplayName,
            RequestUrlPrefix = string.IsNullOrWhiteSpace(RequestUrlPrefix) ? null : RequestUrlPrefix.Trim('/'),
            RequestUrlHosts = RequestUrlHosts,
            Cultures = Cultures,
            Theme = Theme,
            RecipeName = RecipeName,
            Features = Features,
            Region = Region,
            Database = Database ?? new TenantDatabaseSettings(),
            RecipeSkipUnsupported = SkipUnsupported,
        };
    }
}
