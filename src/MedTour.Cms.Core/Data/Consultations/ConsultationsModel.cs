using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Data.Consultations;

/// <summary>The consultation tables: submissions, their files and history, workflow instances, the event, effect and mail outboxes.</summary>
internal static class ConsultationsModel
{
    public static void Build(ModelBuilder builder)
    {
        builder.Entity<SubmissionRecord>(e =>
        {
            e.ToTable("Submissions");
            e.Property(x => x.Reference).HasMaxLength(16);
            e.Property(x => x.FormId).HasMaxLength(64);
            e.Property(x => x.Culture).HasMaxLength(16);
            e.Property(x => x.PhoneHash).HasMaxLength(64);
            e.Property(x => x.EmailHash).HasMaxLength(64);
            e.Property(x => x.TicketNonce).HasMaxLength(64);
            e.Property(x => x.PrivacyNoticeVersion).HasMaxLength(32);
            e.Property(x => x.Status).HasMaxLength(16);
            e.HasIndex(x => x.Reference).IsUnique();
            e.HasIndex(x => x.TicketNonce).IsUnique();
            e.HasIndex(x => new { x.PhoneHash, x.CreatedUtc });
            e.HasIndex(x => new { x.EmailHash, x.CreatedUtc });
            e.Property(x => x.CoordinatorId).HasMaxLength(64);
            e.HasIndex(x => new { x.CoordinatorId, x.CreatedUtc });
            e.HasIndex(x => new { x.Status, x.CreatedUtc });
            // The retention purge's query: unconverted requests (ConvertedUtc null) older than the cutoff.
            e.HasIndex(x => new { x.ConvertedUtc, x.CreatedUtc });
        });

        builder.Entity<SubmissionHistoryRecord>(e =>
        {
            e.ToTable("SubmissionHistory");
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Actor).HasMaxLength(128);
            e.Property(x => x.CoordinatorId).HasMaxLength(64);
            e.Property(x => x.Rule).HasMaxLength(64);
            e.Property(x => x.Value).HasMaxLength(64);
            e.HasIndex(x => new { x.SubmissionId, x.Id });
        });

        builder.Entity<WorkflowInstanceRecord>(e =>
        {
            e.ToTable("WorkflowInstances");
            e.Property(x => x.WorkflowId).HasMaxLength(64);
            e.Property(x => x.WorkflowTypeId).HasMaxLength(64);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.CorrelationId).HasMaxLength(64);
            e.Property(x => x.FaultMessage).HasMaxLength(1024);
            e.HasIndex(x => x.WorkflowId).IsUnique();
            e.HasIndex(x => new { x.Status, x.DueUtc });
            e.HasIndex(x => new { x.Status, x.ModifiedUtc });
            e.HasIndex(x => x.CorrelationId);
            e.HasIndex(x => new { x.WorkflowTypeId, x.Id });
        });

        builder.Entity<WorkflowEffectRecord>(e =>
        {
            e.ToTable("WorkflowEffects");
            e.Property(x => x.Key).HasMaxLength(256);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.LastError).HasMaxLength(1024);
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => new { x.DoneUtc, x.DeadUtc, x.NextAttemptUtc });
        });

        builder.Entity<SubmissionFileRecord>(e =>
        {
            e.ToTable("SubmissionFiles");
            e.Property(x => x.StoredName).HasMaxLength(64);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.HasIndex(x => x.SubmissionId);
        });

        builder.Entity<WorkflowEventRecord>(e =>
        {
            e.ToTable("WorkflowEvents");
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.CorrelationId).HasMaxLength(64);
            e.Property(x => x.LastError).HasMaxLength(1024);
            e.HasIndex(x => new { x.ProcessedUtc, x.Id });
        });

        builder.Entity<MailMessageRecord>(e =>
        {
            e.ToTable("MailOutbox");
            e.Property(x => x.Key).HasMaxLength(256);
            e.Property(x => x.Subject).HasMaxLength(512);
            e.Property(x => x.LastError).HasMaxLength(1024);
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => new { x.SentUtc, x.DeadUtc, x.NextAttemptUtc });
        });
    }
}
