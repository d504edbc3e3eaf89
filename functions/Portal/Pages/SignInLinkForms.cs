namespace CoworkSync.Functions.Portal.Pages;

/// <summary>"Email me a sign-in link": the address typed.</summary>
public sealed class LinkRequestInput
{
    public string? Email { get; set; }
}

/// <summary>"Sign in" on the page an emailed link opens: the link's token, posted so that merely opening the link uses nothing.</summary>
public sealed class LinkUseInput
{
    public string? Token { get; set; }
}
