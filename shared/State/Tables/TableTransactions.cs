namespace CoworkSync.State.Tables;

/// <summary>Table storage's rules for a transaction (entity group): one table, one partition, at most <see cref="MaxActions"/> entities.</summary>
public static class TableTransactions
{
    public const int MaxActions = 100;
}
