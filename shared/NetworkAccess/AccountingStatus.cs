namespace CoworkSync.NetworkAccess;

/// <summary>Acct-Status-Type (RFC 2866), by name or number.</summary>
public enum AccountingStatus
{
    Unknown = 0,
    Start = 1,
    Stop = 2,
    InterimUpdate = 3,
    AccountingOn = 7,
    AccountingOff = 8,
}

public static class AccountingStatuses
{
    public static AccountingStatus Parse(string? value) => value?.Trim() switch
    {
        "Start" or "1" => AccountingStatus.Start,
        "Stop" or "2" => AccountingStatus.Stop,
        "Interim-Update" or "Alive" or "3" => AccountingStatus.InterimUpdate,
        "Accounting-On" or "7" => AccountingStatus.AccountingOn,
        "Accounting-Off" or "8" => AccountingStatus.AccountingOff,
        _ => AccountingStatus.Unknown,
    };
}
