namespace MedTour.Cms.Modules.Inbox;

/// <summary>One request in the inbox list: the decrypted name and condition, who has it, where its SLA stands.</summary>
public sealed record InboxRow(string Reference, DateTime CreatedUtc, string Status, string PatientName, string Condition, InboxCoordinator? Coordinator, SlaClock Sla);

/// <summary>A page of rows, the number matching, whether a condition search stopped at its scan cap, and how times are shown.</summary>
public sealed record InboxResult(IReadOnlyList<InboxRow> Rows, int Total, bool ConditionScanCapped, RegionTime Time);
