using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MedTour.Cms.Security;

/// <summary>Used only by <c>dotnet ef migrations add</c>; never at run time.</summary>
internal sealed class DataProtectionKeysDesignTimeFactory : IDesignTimeDbContextFactory<DataProtectionKeysDbContext>
{
    public DataProtectionKeysDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DataProtectionKeysDbContext>()
            .UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable(DataProtectionKeysDbContext.HistoryTable, DataProtectionKeysDbContext.Schema))
            .Options);
}
