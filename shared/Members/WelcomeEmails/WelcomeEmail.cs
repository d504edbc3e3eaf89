using System.Text;

namespace CoworkSync.Members.WelcomeEmails;

/// <summary>
/// The email that gives a member their WiFi credentials. <see cref="ToString"/> leaves the password out, so the
/// record can be logged or put in an exception message by mistake without leaking it.
/// </summary>
/// <param name="ToAddress">The member's email address.</param>
/// <param name="ToName">The member's name for the greeting and the To header; null or empty for none.</param>
/// <param name="Username">The WiFi username.</param>
/// <param name="Password">The WiFi password, in clear.</param>
public sealed record WelcomeEmail(string ToAddress, string? ToName, string Username, string Password)
{
    /// <summary>The network (SSID) to join; null for the configured <c>Email:NetworkName</c> (e.g. when every location has its own).</summary>
    public string? NetworkName { get; init; }

    /// <summary>How to connect, replacing the standard WPA2/WPA3-Enterprise steps; null for those.</summary>
    public string? ConnectInstructions { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"ToAddress = {ToAddress}, ToName = {ToName}, Username = {Username}, Password = ***, ");
        builder.Append($"NetworkName = {NetworkName}, ConnectInstructions = {ConnectInstructions}");
        return true;
    }
}
