namespace CoworkSync.Platforms.Cobot;

/// <summary>The Cobot webhook events CoworkSync subscribes to: every one that can change a member's access.</summary>
public static class CobotEvents
{
    public static IReadOnlyList<string> Subscribed { get; } =
    [
        "created_membership",
        "confirmed_membership",
        "canceled_membership",
        "uncanceled_membership",
        "reactivated_membership",
        "membership_cancellation_date_reached",
        "changed_membership_plan",
        "membership_plan_change_date_reached",
        "updated_membership_details",
        "deleted_membership",
        "updated_custom_field",
        "membership_added_time_passes",
        "membership_removed_time_passes",
    ];

    /// <summary>The OAuth scopes the features need (space-separated in the authorize URL).</summary>
    public static IReadOnlyList<string> Scopes { get; } =
    [
        "read", "read_plans", "read_memberships", "read_custom_fields", "write_custom_fields",
        "read_subscriptions", "write_subscriptions", "checkin_tokens", "read_check_ins", "write_check_ins", "checkin",
    ];
}
