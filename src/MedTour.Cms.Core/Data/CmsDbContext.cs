using MedTour.Cms.Data.ChangeStamps;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Data;

/// <summary>
/// A tenant's database. Scoped (one per request or unit of work); the connection is chosen from the
/// current tenant. Each provider has its own subclass only so that each has its own migrations.
/// </summary>
public abstract class CmsDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<ContentItemRecord> ContentItems => Set<ContentItemRecord>();
    public DbSet<RouteRecord> Routes => Set<RouteRecord>();
    public DbSet<LocalizationRecord> Localizations => Set<LocalizationRecord>();
    public DbSet<FieldIndexRecord> FieldIndex => Set<FieldIndexRecord>();
    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();
    public DbSet<ChangeStampRecord> ChangeStamps => Set<ChangeStampRecord>();
    public DbSet<Consultations.SubmissionRecord> Submissions => Set<Consultations.SubmissionRecord>();
    public DbSet<Consultations.SubmissionFileRecord> SubmissionFiles => Set<Consultations.SubmissionFileRecord>();
    public DbSet<Consultations.WorkflowEventRecord> WorkflowEvents => Set<Consultations.WorkflowEventRecord>();
    public DbSet<Consultations.MailMessageRecord> MailOutbox => Set<Consultations.MailMessageRecord>();
    public DbSet<Consultations.SubmissionHistoryRecord> SubmissionHistory => Set<Consultations.SubmissionHistoryRecord>();
    public DbSet<Consultations.WorkflowInstanceRecord> WorkflowInstances => Set<Consultations.WorkflowInstanceRecord>();
    public DbSet<Consultations.WorkflowEffectRecord> WorkflowEffects => Set<Consultations.WorkflowEffectRecord>();
    public DbSet<AuditTrailEventRecord> AuditTrailEvents => Set<AuditTrailEventRecord>();
    public DbSet<ApiTokenRecord> ApiTokens => Set<ApiTokenRecord>();
    public DbSet<IndexingTaskRecord> IndexingTasks => Set<IndexingTaskRecord>();

    /// <summary>
    /// True for a context of background work (no HTTP request in its scope): on SQLite its commits are not flushed to disk
    /// one by one (<see cref="SqliteConnectionSettings"/>, ADR 0031). Set when the scope creates it.
    /// </summary>
    public bool OutsideRequest { get; set; }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RowVersions.Move(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ContentItemRecord>(e =>
        {
            e.ToTable("ContentItems");
            e.Property(x => x.ContentItemId).HasMaxLength(64);
            e.Property(x => x.ContentItemVersionId).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(64);
            e.Property(x => x.DisplayText).HasMaxLength(512);
            e.Property(x => x.Owner).HasMaxLength(128);
            e.Property(x => x.Author).HasMaxLength(128);
            e.Property(x => x.RowVersion).IsConcurrencyToken();
            e.HasIndex(x => x.ContentItemVersionId).IsUnique();
            e.HasIndex(x => new { x.ContentItemId, x.Latest, x.Published });
            e.HasIndex(x => new { x.ContentType, x.Published, x.Latest });
            // The admin's content list: the latest versions in modified, title or published order, a page at a time.
            // Partial on "Latest": SQLite uses an index for `WHERE "Latest"` only when that term is the index's filter
            // (a bare boolean column is no equality constraint on an index column); PostgreSQL uses it either way.
            e.HasIndex(x => new { x.ModifiedUtc, x.Id }).HasDatabaseName("IX_ContentItems_List_Modified").HasFilter("\"Latest\"");
            e.HasIndex(x => new { x.ContentType, x.ModifiedUtc, x.Id }).HasDatabaseName("IX_ContentItems_List_TypeModified").HasFilter("\"Latest\"");
            e.HasIndex(x => new { x.DisplayText, x.Id }).HasDatabaseName("IX_ContentItems_List_Title").HasFilter("\"Latest\"");
            e.HasIndex(x => new { x.PublishedUtc, x.Id }).HasDatabaseName("IX_ContentItems_List_Published").HasFilter("\"Latest\"");
        });

        builder.Entity<RouteRecord>(e =>
        {
            e.ToTable("Routes");
            e.Property(x => x.ContentItemId).HasMaxLength(64);
            e.Property(x => x.ContainedContentItemId).HasMaxLength(64);
            e.Property(x => x.Culture).HasMaxLength(16);
            e.Property(x => x.Path).HasMaxLength(1024);
            e.HasIndex(x => new { x.Culture, x.Path }).IsUnique();
            e.HasIndex(x => x.Path);
            e.HasIndex(x => x.ContentItemId);
        });

        builder.Entity<LocalizationRecord>(e =>
        {
            e.ToTable("Localizations");
            e.Property(x => x.ContentItemId).HasMaxLength(64);
            e.Property(x => x.LocalizationSet).HasMaxLength(64);
            e.Property(x => x.Culture).HasMaxLength(16);
            e.HasIndex(x => x.ContentItemId).IsUnique();
            e.HasIndex(x => new { x.LocalizationSet, x.Culture });
        });

        builder.Entity<FieldIndexRecord>(e =>
        {
            e.ToTable("FieldIndex");
            e.Property(x => x.ContentItemId).HasMaxLength(64);
            e.Property(x => x.ContentItemVersionId).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(64);
            e.Property(x => x.PartName).HasMaxLength(64);
            e.Property(x => x.FieldName).HasMaxLength(64);
            e.Property(x => x.Text).HasMaxLength(FieldIndexRecord.MaxTextLength);
            e.HasIndex(x => x.ContentItemId);
            e.HasIndex(x => new { x.PartName, x.FieldName, x.Text });
            e.HasIndex(x => new { x.PartName, x.FieldName, x.Number });
            e.HasIndex(x => new { x.PartName, x.FieldName, x.Date });
            e.HasIndex(x => x.ContentItemVersionId);
        });

        builder.Entity<DocumentRecord>(e =>
        {
            e.ToTable("Documents");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(128);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        builder.Entity<ChangeStampRecord>(e =>
        {
            e.ToTable("ChangeStamps");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasData(new ChangeStampRecord { Id = ChangeStampRecord.SingleId, Value = 0 });
        });

        Consultations.ConsultationsModel.Build(builder);
        builder.Entity<AuditTrailEventRecord>(e =>
        {
            e.ToTable("AuditTrailEvents");
            e.Property(x => x.EventName).HasMaxLength(32);
            e.Property(x => x.UserId).HasMaxLength(128);
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.ClientIpAddress).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(64);
            e.Property(x => x.ContentItemId).HasMaxLength(64);
            e.Property(x => x.ContentItemVersionId).HasMaxLength(64);
            e.Property(x => x.DisplayText).HasMaxLength(512);
            e.Property(x => x.Comment).HasMaxLength(512);
            e.HasIndex(x => new { x.CreatedUtc, x.Id });
            e.HasIndex(x => x.ContentItemId);
        });

        builder.Entity<ApiTokenRecord>(e =>
        {
            e.ToTable("GraphQL_ApiTokens");
            e.Property(x => x.Name).HasMaxLength(128);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.Prefix).HasMaxLength(16);
            e.Property(x => x.Scopes).HasMaxLength(128);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => x.Hash).IsUnique();
        });

        builder.Entity<IndexingTaskRecord>(e =>
        {
            e.ToTable("IndexingTasks");
            e.Property(x => x.ContentItemId).HasMaxLength(64);
            e.HasIndex(x => x.CreatedUtc);
        });
    }
}

public sealed class SqliteCmsDbContext(DbContextOptions<SqliteCmsDbContext> options) : CmsDbContext(options);

public sealed class PostgresCmsDbContext(DbContextOptions<PostgresCmsDbContext> options) : CmsDbContext(options);
