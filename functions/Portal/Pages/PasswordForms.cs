namespace CoworkSync.Functions.Portal.Pages;

/// <summary>The password forms of an account page: show it (no field), change it (a confirmation).</summary>
public sealed class RevealInput
{
    public bool Reveal { get; set; } = true;
}

public sealed class ChangeInput
{
    /// <summary>The member ticked "my devices will need the new password".</summary>
    public bool Confirm { get; set; }
}
