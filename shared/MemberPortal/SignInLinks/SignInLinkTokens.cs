using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CoworkSync.Connectors.Seam;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Options;

namespace CoworkSync.MemberPortal.SignInLinks;

/// <summary>
/// Emailed sign-in links: a token of 32 random bytes (base64url), stored only as its SHA-256 (table
/// <c>PortalSignInLinks</c>, partition = the hash) with the address it was sent to, the members it signs in and when it
/// expires. Using one deletes its row with the ETag read (If-Match): of two uses at once only one deletes it, and a row
/// deleted is a link that no longer works. Expired links are refused (and deleted).
/// </summary>
public sealed class SignInLinkTokens(StateTables tables, TimeProvider time, IOptions<SignInLinkOptions> options) : IExpiringRecords
{
    private const string Row = "link";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A new link's token (in clear: it goes into the email and nowhere else).</summary>
    public async Task<string> IssueAsync(string email, IReadOnlyList<ProvenMember> members, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var table = await tables.GetAsync(PortalTables.SignInLinks, cancellationToken);
        var now = time.GetUtcNow();
        await table.AddEntityAsync(new TableEntity(EmailKeys.Hash(token), Row)
        {
            ["Email"] = EmailKeys.Normalize(email),
            ["Members"] = JsonSerializer.Serialize(members, Json),
            ["IssuedAt"] = now,
            ["ExpiresAt"] = now + options.Value.LinkLifetime,
        }, cancellationToken);
        return token;
    }

    /// <summary>Uses a link: the members it signs in and the address it was sent to, or null when it is unknown, used or expired.</summary>
    public async Task<UsedLink?> ConsumeAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
            return null;
        var table = await tables.GetAsync(PortalTables.SignInLinks, cancellationToken);
        var key = EmailKeys.Hash(token.Trim());
        var found = await table.GetEntityIfExistsAsync<TableEntity>(key, Row, cancellationToken: cancellationToken);
        if (!found.HasValue)
            return null;
        var entity = found.Value!;
        try
        {
            // The SDK answers a delete of a row already gone with its 404 instead of throwing: that use came second.
            if ((await table.DeleteEntityAsync(key, Row, entity.ETag, cancellationToken)).Status == (int)HttpStatusCode.NotFound)
                return null;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return null; // used by someone else a moment ago
        }
        if (entity.GetDateTimeOffset("ExpiresAt") is not { } expires || expires <= time.GetUtcNow())
            return null;
        var members = JsonSerializer.Deserialize<List<ProvenMember>>(entity.GetString("Members") ?? "[]", Json) ?? [];
        return new UsedLink(entity.GetString("Email") ?? "", members);
    }

    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(PortalTables.SignInLinks, cancellationToken);
        var purged = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"ExpiresAt lt {cutoff}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
            purged++;
        }
        return purged;
    }
}

/// <param name="Email">The address the link was sent to, normalized.</param>
/// <param name="Members">The members it was sent for.</param>
public sealed record UsedLink(string Email, IReadOnlyList<ProvenMember> Members);
