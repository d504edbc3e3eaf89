namespace CoworkSync.NetworkAccess;

/// <summary>What RADIUS authorize checks, in the order it checks them; the first that fails decides.</summary>
public enum AuthorizeCheck
{
    /// <summary>The user name is an account's, and the account is enabled.</summary>
    Account,

    /// <summary>The account's connector (the space) is still connected.</summary>
    Space,

    /// <summary>The access point (NAS-Identifier or Called-Station-Id) matches a pattern of one of the connector's locations.</summary>
    AccessPoint,

    /// <summary>The member may use that location.</summary>
    Location,

    /// <summary>The account's groups give WiFi access at all.</summary>
    Groups,

    /// <summary>The moment falls in one of the groups' time windows, at the location's local time.</summary>
    TimeWindow,

    /// <summary>Hours are left in the billing cycle.</summary>
    Hours,

    /// <summary>The member's other devices online leave a slot.</summary>
    Devices,
}
