using MedTour.Cms.Modules.PatientData;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Web.Cli;

/// <summary>
/// <c>patient export --tenant T --email E|--phone P [--country UA] [--zip FILE|--out FILE]</c> (JSON to stdout by default)
/// and <c>patient erase --tenant T --email E|--phone P [--country UA] --force</c>. Both print counts, never the data.
/// </summary>
public static class PatientCommands
{
    public static async Task<int> ExportAsync(IServiceProvider services, CommandOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var (tenant, contact) = Target(services, options);
        var zip = options.Named("zip");
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var export = await scope.ServiceProvider.GetRequiredService<PatientRecords>().ExportAsync(contact, zip is not null, "cli");
        if (zip is not null)
        {
            await File.WriteAllBytesAsync(zip, PatientExportWriter.Zip(export));
            await output.WriteLineAsync($"Exported {export.Submissions.Count} request(s) from {tenant.Name} to {zip}.");
        }
        else if (options.Named("out") is { Length: > 0 } file)
        {
            await using (var stream = File.Create(file))
            {
                await PatientExportWriter.WriteJsonAsync(export, stream);
            }

            await output.WriteLineAsync($"Exported {export.Submissions.Count} request(s) from {tenant.Name} to {file}.");
        }
        else
        {
            using var buffer = new MemoryStream();
            await PatientExportWriter.WriteJsonAsync(export, buffer);
            await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }

        return 0;
    }

    public static async Task<int> EraseAsync(IServiceProvider services, CommandOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var (tenant, contact) = Target(services, options);
        if (!options.Flag("force"))
        {
            throw new ArgumentException("erasing cannot be undone: add --force to erase.");
        }

        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var counts = await scope.ServiceProvider.GetRequiredService<PatientRecords>().EraseAsync(contact, "cli");
        await output.WriteLineAsync($"Erased {counts} from {tenant.Name}.");
        return 0;
    }

    private static (TenantSettings Tenant, PatientContact Contact) Target(IServiceProvider services, CommandOptions options)
    {
        var name = options.Named("tenant") ?? throw new ArgumentException("missing --tenant.");
        var tenant = services.GetRequiredService<TenantRegistry>().Find(name) ?? throw new TenantNotFoundException(name);
        if (tenant.State != TenantState.Running)
        {
            throw new ArgumentException($"tenant '{name}' is not running.");
        }

        var (contact, field, error) = PatientContact.Parse(options.Named("email"), options.Named("phone"), options.Named("country") ?? tenant.Region?.CountryCode);
        return contact is null ? throw new ArgumentException($"--{field}: {error}") : (tenant, contact);
    }
}
