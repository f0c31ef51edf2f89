using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Security;

/// <summary>
/// The host's Data Protection key ring on PostgreSQL: one table in the shared <c>public</c> schema (keys belong to
/// the host, not to a tenant; tenants are separated by purpose, see <see cref="TenantDataProtectionProvider"/>).
/// </summary>
public sealed class DataProtectionKeysDbContext(DbContextOptions<DataProtectionKeysDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Schema = "public";
    public const string HistoryTable = "__DataProtectionMigrationsHistory";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
    }
}
