namespace CoworkSync.NetworkAccess;

/// <summary>What CoworkSync answers rlm_rest: the status decides (200 ok, 401 reject, 404 notfound), the body sets attributes.</summary>
public sealed record RadiusAnswer(int StatusCode, IReadOnlyDictionary<string, object>? Attributes)
{
    public const int Allowed = 200;
    public const int Denied = 401;
    public const int UnknownUser = 404;

    /// <summary>A value FreeRADIUS takes literally: no <c>%{…}</c> expansion of user data or passwords.</summary>
    public static object Literal(string value) => new Dictionary<string, object> { ["value"] = new[] { value }, ["do_xlat"] = false };

    public static RadiusAnswer Deny(string reason) =>
        new(Denied, new Dictionary<string, object> { ["reply:Reply-Message"] = Literal(reason) });

    public static RadiusAnswer NotFound { get; } = new(UnknownUser, null);
}
