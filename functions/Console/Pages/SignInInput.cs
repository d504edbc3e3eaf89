using CoworkSync.Functions.Console.Authentication;

namespace CoworkSync.Functions.Console.Pages;

/// <summary>What the local sign-in form posts.</summary>
public sealed class SignInInput
{
    public string? Key { get; set; }

    public string Role { get; set; } = ConsoleRoles.Operator;
}
