using Microsoft.Extensions.Options;

namespace Bot.Discord.Interactions;

/// <summary>Stops start-up on unusable interaction settings, with a message that names the setting.</summary>
public sealed class InteractionOptionsValidator : IValidateOptions<InteractionOptions>
{
    public ValidateOptionsResult Validate(string? name, InteractionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
