using System.Security.Claims;
using CoworkSync.Administration.Audit;

namespace CoworkSync.Functions.Console.Authentication;

/// <summary>Who the audit log records for a change made in the console: the signed-in person and the role they hold.</summary>
public static class ConsoleActor
{
    public static AuditActor From(ClaimsPrincipal principal)
    {
        var user = ConsoleUser.From(principal) ?? throw new InvalidOperationException("A console change needs a signed-in person.");
        return AuditActor.InConsole(user.Name, user.Role);
    }
}
