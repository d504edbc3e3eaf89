using System.Text.Json;
using CoworkSync.Outcomes;

namespace CoworkSync.Connectors.Seam;

/// <summary>The secrets a connector of the platform needs: what <c>PUT …/secrets</c> takes, their rules, and which are set.</summary>
public interface IPlatformSecrets
{
    /// <summary>
    /// The first field of a secrets body (a JSON object) whose JSON is not of the shape this platform reads (a number
    /// where a string belongs); null when there is none. Asked of every platform, so that such a body is refused
    /// whichever connector it is for.
    /// </summary>
    ValidationError? Malformed(JsonElement body);

    /// <summary>Validates a secrets body for the connector and, when it is valid, stores the secrets; never echoes a value.</summary>
    Task<SecretsChange> ApplyAsync(Connector connector, JsonElement body, CancellationToken cancellationToken);

    /// <summary>Which secrets the connector has, by the names the connector view shows (<c>apiKey</c>), never their values.</summary>
    Task<IReadOnlyList<SecretState>> StatusAsync(Connector connector, CancellationToken cancellationToken);

    /// <summary>Every secret <see cref="ApplyAsync"/> takes, described for a form, in the order it shows them.</summary>
    IReadOnlyList<PlatformSecretField> Fields { get; }

    /// <summary>Which of <see cref="Fields"/> the secret store holds for the connector, by name; never a value.</summary>
    Task<IReadOnlyDictionary<string, bool>> FieldsSetAsync(Connector connector, CancellationToken cancellationToken);
}

/// <summary>What applying a secrets body did.</summary>
/// <param name="Errors">Why it was refused (nothing stored); empty when it was applied.</param>
/// <param name="WebhookSecretRotated">A new webhook secret was set: the connector records when, and the previous one stays valid for the grace period.</param>
public sealed record SecretsChange(IReadOnlyList<ValidationError> Errors, bool WebhookSecretRotated = false)
{
    public static SecretsChange Applied(bool webhookSecretRotated = false) => new([], webhookSecretRotated);

    public static SecretsChange Refused(IReadOnlyList<ValidationError> errors) => new(errors);
}

/// <param name="Name">The secret's name in the connector view (<c>apiKey</c>).</param>
/// <param name="Set">Whether the secret store has it.</param>
public sealed record SecretState(string Name, bool Set);
