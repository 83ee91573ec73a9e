using Microsoft.Extensions.Options;

namespace Bot.Hosting;

/// <summary>Stops start-up when a Discord setting is missing, with one sentence per setting saying what to set.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var missing = options.Missing();
        return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
    }
}
