namespace CoworkSync.Functions.Console.DeadLetters;

/// <summary>The addresses of the dead-letter pages; ids travel escaped in the query string.</summary>
public static class DeadLetterLinks
{
    public const string List = "/console/dead-letters";
    public const string Detail = "/console/dead-letters/detail";
    public const string Confirm = "/console/dead-letters/confirm";

    /// <summary>The form name the list's and the detail's action forms post under, which the confirm page answers.</summary>
    public const string ActionForm = "dead-letter-action";

    public const string Replay = "replay";
    public const string Discard = "discard";

    public static string To(string id) => $"{Detail}?id={Uri.EscapeDataString(id)}";
}
