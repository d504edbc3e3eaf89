namespace CoworkSync.State.Tables;

/// <summary>Every table CoworkSync keeps its state in.</summary>
public static class TableNames
{
    public const string ProcessedEvents = "ProcessedEvents";
    public const string DeadLetters = "DeadLetters";
    public const string DeadLetterAudit = "DeadLetterAudit";
    public const string Members = "Members";
    public const string Accounts = "Accounts";
    public const string Connectors = "Connectors";
    public const string SyncRuns = "SyncRuns";
    public const string Usage = "Usage";
    public const string NasSessions = "NasSessions";
    public const string AccessGroups = "AccessGroups";
    public const string MemberEmails = "MemberEmails";
    public const string MemberNames = "MemberNames";
    public const string MemberHistory = "MemberHistory";
    public const string AuditLog = "AuditLog";
    public const string EventCounts = "EventCounts";
    public const string OpenDeadLetters = "OpenDeadLetters";
}
