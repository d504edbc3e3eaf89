using CoworkSync.Connectors;
namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Keeps one active Cobot webhook subscription per event in <see cref="CobotEvents.Subscribed"/> pointing at the
/// connector's webhook URL. Cobot deactivates a subscription after about 20 h of failed deliveries (or at once on a
/// 410) and never re-activates it: a deactivated or missing one is (deleted and) created again. Returns what it did;
/// <c>created</c> collects each subscription as soon as Cobot made it, so a caller can take them back after a failure.
/// </summary>
public sealed class CobotSubscriptions(CobotClient client, CobotCallbackUrls urls)
{
    public async Task<IReadOnlyList<string>> EnsureAsync(Connector connector, CobotConnection connection, CancellationToken cancellationToken,
        ICollection<CobotSubscription>? created = null)
    {
        var callback = await urls.WebhookUrlAsync(connector.Id, cancellationToken);
        var existing = await client.ListSubscriptionsAsync(connection, cancellationToken);
        var done = new List<string>();
        foreach (var eventName in CobotEvents.Subscribed)
        {
            var ours = existing.Where(s => s.Event == eventName && IsOurs(s, callback)).ToList();
            if (ours.Any(s => s.Active != false))
                continue;
            // Cobot answers 409 to a second subscription with the same event and URL, deactivated or not.
            foreach (var inactive in ours)
                await client.DeleteSubscriptionAsync(connection, inactive, cancellationToken);
            // Null is Cobot's 409: it has the subscription already (made since the list was read), so nothing was made.
            if (await client.CreateSubscriptionAsync(connection, eventName, callback, cancellationToken) is not { } subscription)
                continue;
            created?.Add(subscription);
            done.Add(ours.Count > 0
                ? $"re-created webhook subscription {eventName}: Cobot had deactivated it"
                : $"created missing webhook subscription {eventName}");
        }
        return done;
    }

    /// <summary>The subscribed events that have no active subscription to this connector's webhook URL at Cobot.</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(Connector connector, CobotConnection connection, CancellationToken cancellationToken)
    {
        var callback = await urls.WebhookUrlAsync(connector.Id, cancellationToken);
        var existing = await client.ListSubscriptionsAsync(connection, cancellationToken);
        return CobotEvents.Subscribed.Where(e => !existing.Any(s => s.Event == e && s.Active != false && IsOurs(s, callback))).ToList();
    }

    private static bool IsOurs(CobotSubscription subscription, Uri callback) =>
        Uri.TryCreate(subscription.CallbackUrl, UriKind.Absolute, out var url) && url == callback;
}
