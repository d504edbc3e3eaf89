using Microsoft.Extensions.Options;

namespace CoworkSync.Platforms.Coworks;

internal sealed class CoworksClientOptionsValidator : IValidateOptions<CoworksClientOptions>
{
    public ValidateOptionsResult Validate(string? name, CoworksClientOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
