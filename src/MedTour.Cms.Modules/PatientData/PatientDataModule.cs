using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MedTour.Cms.Modules.PatientData;

/// <summary>Patients' data rights and retention: export and erasure of one patient's requests (admin and CLI), and the purge of expired ones.</summary>
public static class PatientDataModule
{
    public static IServiceCollection AddPatientDataModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PatientDataOptions>().Bind(configuration.GetSection("MedTour:PatientData"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SubmissionEraser>();
        services.AddScoped<PatientDataAudit>();
        services.AddScoped<PatientRecords>();
        services.AddScoped<RetentionPurge>();
        services.AddSingleton<RetentionService>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<RetentionService>());
        services.AddAdminMenuItem(new AdminMenuItem("Patient data", "/patients", AdminPermissions.ManagePatientData, 85));
        return services;
    }

    public static IEndpointRouteBuilder MapPatientData(this IEndpointRouteBuilder endpoints)
    {
        var patients = endpoints.MapAdminArea("/patients", AdminPermissions.ManagePatientData);
        patients.MapGet("", PatientDataEndpoints.ShowAsync).WithName("PatientData");
        // Contacts travel in post bodies only: a query string would put them in access logs and browser history.
        patients.MapPost("/find", PatientDataEndpoints.FindAsync);
        patients.MapPost("/export", PatientDataEndpoints.ExportAsync);
        patients.MapPost("/erase", PatientDataEndpoints.EraseAsync);
        patients.MapPost("/retention", PatientDataEndpoints.SaveRetentionAsync);
        return endpoints;
    }
}
