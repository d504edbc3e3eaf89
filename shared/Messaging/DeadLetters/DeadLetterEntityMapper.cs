using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.Messaging.DeadLetters;

/// <summary>Maps dead letters to table entities: one partition, row key = escaped dead-letter id.</summary>
internal static class DeadLetterEntityMapper
{
    public const string Partition = "deadletters";

    public static TableEntity ToEntity(DeadLetter d)
    {
        var entity = new TableEntity(Partition, TableKey.Escape(d.Id))
        {
            [nameof(DeadLetter.EventId)] = d.EventId,
            [nameof(DeadLetter.ConnectorId)] = d.ConnectorId,
            [nameof(DeadLetter.EventType)] = d.EventType,
            [nameof(DeadLetter.Reason)] = d.Reason,
            [nameof(DeadLetter.ErrorDescription)] = Truncate(d.ErrorDescription, 8_000),
            [nameof(DeadLetter.Source)] = d.Source,
            [nameof(DeadLetter.Attempts)] = d.Attempts,
            [nameof(DeadLetter.FirstFailedAt)] = d.FirstFailedAt,
            [nameof(DeadLetter.LastFailedAt)] = d.LastFailedAt,
            [nameof(DeadLetter.State)] = d.State.ToString(),
            [nameof(DeadLetter.ReplayCount)] = d.ReplayCount,
            [nameof(DeadLetter.LastReplayedBy)] = d.LastReplayedBy,
            [nameof(DeadLetter.LastReplayedAt)] = d.LastReplayedAt,
            [nameof(DeadLetter.DiscardedBy)] = d.DiscardedBy,
            [nameof(DeadLetter.DiscardedAt)] = d.DiscardedAt,
        };
        LargeText.Write(entity, nameof(DeadLetter.Envelope), d.Envelope);
        LargeText.Write(entity, nameof(DeadLetter.RawMessage), d.RawMessage);
        return entity;
    }

    public static DeadLetter FromEntity(TableEntity e) => new()
    {
        Id = TableKey.Unescape(e.RowKey),
        EventId = e.GetString(nameof(DeadLetter.EventId)),
        ConnectorId = e.GetString(nameof(DeadLetter.ConnectorId)),
        EventType = e.GetString(nameof(DeadLetter.EventType)),
        Reason = e.GetString(nameof(DeadLetter.Reason)) ?? "",
        ErrorDescription = e.GetString(nameof(DeadLetter.ErrorDescription)),
        Source = e.GetString(nameof(DeadLetter.Source)) ?? "",
        Attempts = e.GetInt32(nameof(DeadLetter.Attempts)) ?? 0,
        FirstFailedAt = e.GetDateTimeOffset(nameof(DeadLetter.FirstFailedAt)) ?? default,
        LastFailedAt = e.GetDateTimeOffset(nameof(DeadLetter.LastFailedAt)) ?? default,
        State = Enum.TryParse<DeadLetterState>(e.GetString(nameof(DeadLetter.State)), out var state) ? state : DeadLetterState.Open,
        Envelope = LargeText.Read(e, nameof(DeadLetter.Envelope)),
        RawMessage = LargeText.Read(e, nameof(DeadLetter.RawMessage)),
        ReplayCount = e.GetInt32(nameof(DeadLetter.ReplayCount)) ?? 0,
        LastReplayedBy = e.GetString(nameof(DeadLetter.LastReplayedBy)),
        LastReplayedAt = e.GetDateTimeOffset(nameof(DeadLetter.LastReplayedAt)),
        DiscardedBy = e.GetString(nameof(DeadLetter.DiscardedBy)),
        DiscardedAt = e.GetDateTimeOffset(nameof(DeadLetter.DiscardedAt)),
    };

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max] + "…";
}
