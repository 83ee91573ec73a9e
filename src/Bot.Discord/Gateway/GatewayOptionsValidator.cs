using Microsoft.Extensions.Options;

namespace Bot.Discord.Gateway;

/// <summary>Stops start-up on unusable gateway settings, with a message that names the setting (never the token).</summary>
public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
