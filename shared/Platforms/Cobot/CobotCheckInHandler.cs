using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.Processing;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Checks a member into Cobot once per local day: registers a check-in token for the membership the first time
/// (<c>POST /api/check_in_tokens</c>), then <c>POST /api/check_ins</c> with it. Cobot's 422 (no time passes left, …) is
/// not a failure to retry: it is recorded on the member, where the admin API shows it. So is a 204 (or an answer
/// without <c>valid_until</c>): the token is no longer active at Cobot, so it is forgotten and a new one is
/// registered with the next day's check-in.
/// </summary>
public sealed partial class CobotCheckInHandler(
    ConnectorStore connectors,
    CobotConnections connections,
    CobotClient client,
    CobotPlatformFailures failures,
    CobotCheckInStore checkIns,
    TimeProvider time,
    ILogger<CobotCheckInHandler> logger) : IEventHandler
{
    public string EventType => CobotCheckInEvent.Type;

    public async Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var connector = await connectors.GetAsync(envelope.ConnectorId, cancellationToken);
        if (connector is null || CobotConnectorSettings.Of(connector) is null)
            throw new PermanentEventException(DeadLetterReasons.UnknownConnector, $"There is no Cobot connector '{envelope.ConnectorId}'.");
        CobotCheckInEvent? request;
        try
        {
            request = envelope.Payload.Deserialize<CobotCheckInEvent>();
        }
        catch (JsonException ex)
        {
            throw new PermanentEventException(DeadLetterReasons.InvalidPayload, "The check-in event is not readable.", ex);
        }
        if (request is null || string.IsNullOrEmpty(request.MemberId)
            || !DateOnly.TryParseExact(request.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw new PermanentEventException(DeadLetterReasons.InvalidPayload, "The check-in event names no member or day.");

        var record = await checkIns.GetAsync(connector.Id, request.MemberId, cancellationToken) ?? new CobotCheckInRecord(null, null, null, null, null, null);
        // The event's claim is not enough: a check-in made (or refused) whose event then failed to be marked applied is
        // retried, or dead-lettered and replayed, and Cobot would count a second check-in.
        if (record.LastCheckInOn == day || record.LastErrorOn == day)
            return;

        try
        {
            await failures.TranslateAsync(connector, () => CheckInAsync(connector, request.MemberId, day, record, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (PlatformFailures.ToEventException(ex) is { } failure)
        {
            throw failure;
        }
    }

    private async Task<CobotCheckInResult> CheckInAsync(Connector connector, string memberId, DateOnly day, CobotCheckInRecord record, CancellationToken cancellationToken)
    {
        var connection = await connections.ForAsync(connector, cancellationToken);
        CobotCheckInResult result;
        var (token, refused) = record.Token is null ? await RegisterAsync(connection, memberId, cancellationToken) : (record.Token, null);
        if (token is null)
        {
            result = new CobotCheckInResult(false, refused);
        }
        else
        {
            if (record.Token is null)
            {
                record = record with { Token = token };
                await checkIns.SaveAsync(connector.Id, memberId, record, cancellationToken);
            }
            result = await client.CheckInAsync(connection, token, cancellationToken);
        }
        var now = time.GetUtcNow();
        record = result.Created
            ? record with { LastCheckInOn = day, LastCheckInAt = now }
            : record with { LastError = result.Error, LastErrorOn = day, LastErrorAt = now, Token = result.TokenInactive ? null : record.Token };
        await checkIns.SaveAsync(connector.Id, memberId, record, cancellationToken);
        if (result.Created)
            LogCheckedIn(connector.Id, memberId, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else
            LogRefused(connector.Id, memberId, result.Error ?? "");
        return result;
    }

    /// <summary>Registers a new check-in token for the membership; Cobot's 422 (say, an unknown membership) is a refusal to record.</summary>
    private async Task<(string? Token, string? Refused)> RegisterAsync(CobotConnection connection, string membershipId, CancellationToken cancellationToken)
    {
        var token = "coworksync-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        try
        {
            await client.RegisterCheckInTokenAsync(connection, membershipId, token, cancellationToken);
            return (token, null);
        }
        catch (CobotApiException ex) when (ex.StatusCode == 422)
        {
            return (null, "Cobot refused to register a check-in token for the membership (422).");
        }
    }

    [LoggerMessage(EventId = 1130, EventName = "CobotCheckedIn", Level = LogLevel.Information, Message = "Checked member {MemberId} of connector {ConnectorId} into Cobot for {Day}")]
    private partial void LogCheckedIn(string connectorId, string memberId, string day);

    [LoggerMessage(EventId = 1131, EventName = "CobotCheckInRefused", Level = LogLevel.Warning, Message = "Cobot refused to check in member {MemberId} of connector {ConnectorId}: {CobotError}")]
    private partial void LogRefused(string connectorId, string memberId, string cobotError);
}
