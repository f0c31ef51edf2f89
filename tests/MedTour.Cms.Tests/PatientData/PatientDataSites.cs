using MedTour.Cms.Tests.Consultations;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.PatientData;

/// <summary>
/// Sites for the patient-data tests: the consultation settings (short minimum time to submit, mail sender driven by
/// the tests), every category logged at Trace into <see cref="Logs"/> (the no-health-data test reads them), and the
/// retention service left to the tests (they run it with a fake clock).
/// </summary>
public static class PatientDataSiteSettings
{
    public static void Apply(CmsAppFactory factory, CapturedLogs logs)
    {
        ConsultationSettings.Apply(factory.Settings, factory, logs);
        factory.Settings["Logging:LogLevel:Default"] = "Trace";
        factory.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        factory.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace";
        factory.Settings["MedTour:PatientData:RetentionEnabled"] = "false";
    }
}

public sealed class PatientDataSqliteSite : SqliteSite
{
    public CapturedLogs Logs { get; } = new();

    protected override void Configure(CmsAppFactory factory) => PatientDataSiteSettings.Apply(factory, Logs);
}

public sealed class PatientDataPostgresSite : PostgresSite
{
    public CapturedLogs Logs { get; } = new();

    protected override void Configure(CmsAppFactory factory) => PatientDataSiteSettings.Apply(factory, Logs);
}

[CollectionDefinition(Name)]
public sealed class PatientDataSqliteCollection : ICollectionFixture<PatientDataSqliteSite>
{
    public const string Name = "Patient data on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PatientDataPostgresCollection : ICollectionFixture<PatientDataPostgresSite>
{
    public const string Name = "Patient data on PostgreSQL";
}
