namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Makes sure the space has the groups custom field. Cobot's <c>PUT /api/space/custom_fields</c> deletes every field
/// the list omits (from the space and every member), so the PUT sends the list just read, unchanged, plus the new
/// field, and only when the field is missing. A list that lost a field afterwards is reported, never retried blindly.
/// </summary>
public sealed class CobotCustomFieldSetup(CobotClient client)
{
    /// <returns>What it did, for the sync run; null when the field was there.</returns>
    public async Task<string?> EnsureAsync(CobotConnection connection, string label, CancellationToken cancellationToken)
    {
        var fields = await client.ListSpaceFieldsAsync(connection, cancellationToken);
        if (fields.Any(f => string.Equals(f.Label?.Trim(), label, StringComparison.OrdinalIgnoreCase)))
            return null;
        if (fields.Any(f => f.Id is null))
            throw new CobotPayloadException("A custom field of the space has no id; replacing the list could delete it, so nothing was changed.");

        var saved = await client.PutSpaceFieldsAsync(connection, [.. fields.Select(f => new CobotCustomField(f.Id, f.Label)), new CobotCustomField(null, label)], cancellationToken);
        var lost = fields.Where(f => saved.Count > 0 && !saved.Any(s => s.Id == f.Id)).Select(f => f.Label).ToList();
        return lost.Count == 0
            ? $"created custom field '{label}'"
            : $"created custom field '{label}', but Cobot's answer no longer lists: {string.Join(", ", lost)}";
    }
}
