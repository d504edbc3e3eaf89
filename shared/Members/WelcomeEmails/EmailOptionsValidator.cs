using Microsoft.Extensions.Options;

namespace CoworkSync.Members.WelcomeEmails;

/// <summary>Checks the <c>Email</c> settings at startup, so a bad setting stops the app instead of every welcome email.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        var smtp = !string.IsNullOrWhiteSpace(options.SmtpHost);

        if (options.SmtpPort is < 1 or > 65535)
            failures.Add($"{EmailOptions.SectionName}:SmtpPort must be between 1 and 65535 (it is {options.SmtpPort}).");
        if (!Enum.IsDefined(options.SmtpSecurity))
            failures.Add($"{EmailOptions.SectionName}:SmtpSecurity must be one of {string.Join(", ", Enum.GetNames<SmtpSecurity>())}.");
        if (options.SmtpTimeout <= TimeSpan.Zero)
            failures.Add($"{EmailOptions.SectionName}:SmtpTimeout must be positive.");
        if (!string.IsNullOrEmpty(options.SmtpUserName) && string.IsNullOrEmpty(options.SmtpPassword))
            failures.Add($"{EmailOptions.SectionName}:SmtpPassword is required when {EmailOptions.SectionName}:SmtpUserName is set.");
        if (smtp && string.IsNullOrWhiteSpace(options.SenderAddress))
            failures.Add($"{EmailOptions.SectionName}:SenderAddress is required when {EmailOptions.SectionName}:SmtpHost is set.");
        else if (!EmailAddresses.IsValid(options.EffectiveSenderAddress))
            failures.Add($"{EmailOptions.SectionName}:SenderAddress is not an email address: '{options.SenderAddress}'.");
        if (string.IsNullOrWhiteSpace(options.NetworkName))
            failures.Add($"{EmailOptions.SectionName}:NetworkName (the WiFi SSID) must not be empty.");
        if (!string.IsNullOrWhiteSpace(options.PortalUrl)
            && (!Uri.TryCreate(options.PortalUrl, UriKind.Absolute, out var portal) || portal.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(portal.Query)))
            failures.Add($"{EmailOptions.SectionName}:PortalUrl must be the member portal's absolute http(s) address, without a query (it is '{options.PortalUrl}').");
        if (!smtp && string.IsNullOrWhiteSpace(options.OutboxPath))
            failures.Add($"{EmailOptions.SectionName}:OutboxPath is required when {EmailOptions.SectionName}:SmtpHost is not set.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
