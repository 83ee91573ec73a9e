using Microsoft.Extensions.Options;

namespace Bot.Discord.Rest;

/// <summary>Stops start-up on unusable REST settings, with a message that names the setting (never the token).</summary>
public sealed class DiscordRestOptionsValidator : IValidateOptions<DiscordRestOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordRestOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
