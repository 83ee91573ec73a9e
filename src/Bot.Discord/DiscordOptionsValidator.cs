using Microsoft.Extensions.Options;

namespace Bot.Discord;

/// <summary>
/// Checks <see cref="DiscordOptions"/> against its attributes and its rules between settings; generated
/// by the options validator source generator. Every message names the setting (never the token's value).
/// </summary>
[OptionsValidator]
public sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    /// <summary>For a client built without the container, whose options no start-up validation has seen.</summary>
    /// <exception cref="InvalidOperationException">A setting is unusable; the message says which.</exception>
    internal static void ThrowIfUnusable(DiscordOptions options)
    {
        var result = new DiscordOptionsValidator().Validate(null, options);
        if (result.Failed)
            throw new InvalidOperationException("Discord settings are not usable: " + string.Join(" ", result.Failures));
    }
}
