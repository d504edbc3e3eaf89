using System.ComponentModel.DataAnnotations;

namespace CoworkSync.Messaging.Publishing;

/// <summary>
/// Where events are sent in Azure. Settings section <c>ServiceBusConnection</c> (the same app settings as the
/// Functions host's identity-based trigger connection, e.g. <c>ServiceBusConnection__fullyQualifiedNamespace</c>)
/// and the top-level setting <c>EventsQueueName</c>.
/// </summary>
public sealed class ServiceBusOptions
{
    public const string SectionName = "ServiceBusConnection";

    /// <summary>The top-level setting that names the events queue; the trigger's function.json reads it too.</summary>
    public const string QueueNameSetting = "EventsQueueName";

    public const string DefaultQueueName = "events";

    /// <summary>The namespace host name, e.g. <c>myns.servicebus.windows.net</c>.</summary>
    [Required]
    public string FullyQualifiedNamespace { get; set; } = "";

    /// <summary>The client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ClientId { get; set; }

    [Required]
    public string QueueName { get; set; } = DefaultQueueName;

    /// <summary>
    /// The namespace host name, tolerating a scheme and a trailing slash (<c>sb://myns.servicebus.windows.net/</c>);
    /// null when the setting is not a host name.
    /// </summary>
    public string? NamespaceHost()
    {
        var value = FullyQualifiedNamespace.Trim();
        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
            value = value[(schemeEnd + 3)..];
        value = value.TrimEnd('/');
        return Uri.CheckHostName(value) is UriHostNameType.Dns ? value : null;
    }
}
