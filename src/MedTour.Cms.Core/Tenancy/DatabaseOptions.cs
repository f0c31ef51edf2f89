namespace MedTour.Cms.Tenancy;

/// <summary>Host-wide database defaults (configuration section <c>MedTour:Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public string Provider { get; set; } = Sqlite;
    /// <summary>PostgreSQL connection string shared by tenants that have none of their own.</summary>
    public string? ConnectionString { get; set; }
    public string SchemaPrefix { get; set; } = "tenant_";
    /// <summary>Queue this process's SQLite writers in line before SQLite's lock (<see cref="Data.SqliteWriteGate"/>); off only to measure without it.</summary>
    public bool SqliteWriteGate { get; set; } = true;
}
