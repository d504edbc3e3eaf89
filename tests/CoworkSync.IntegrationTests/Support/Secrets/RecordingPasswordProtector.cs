using CoworkSync.Members.Accounts;

namespace CoworkSync.IntegrationTests.Support.Secrets;

/// <summary>The app's own password protector, registering with <see cref="SecretsInLogs"/> every WiFi password it sees.</summary>
public sealed class RecordingPasswordProtector(IPasswordProtector inner) : IPasswordProtector
{
    public Task<string> ProtectAsync(string password, string username, CancellationToken cancellationToken)
    {
        SecretsInLogs.Register(password);
        return inner.ProtectAsync(password, username, cancellationToken);
    }

    public async Task<string> UnprotectAsync(string protectedValue, string username, CancellationToken cancellationToken)
    {
        var password = await inner.UnprotectAsync(protectedValue, username, cancellationToken);
        SecretsInLogs.Register(password);
        return password;
    }
}
