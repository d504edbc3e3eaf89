namespace CoworkSync.Functions.Portal.Accounts;

/// <summary>Where one of a member's accounts is in the portal; ids escaped, as they may hold any character.</summary>
public static class AccountPaths
{
    public static string Account(string connectorId, string memberId) =>
        $"/portal/accounts/{Uri.EscapeDataString(connectorId)}/{Uri.EscapeDataString(memberId)}";
}
