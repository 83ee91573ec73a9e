using Microsoft.Extensions.Options;

namespace Bot.Discord.Http;

/// <summary>Stops start-up on unusable endpoint settings, with a message that names the setting.</summary>
public sealed class HttpInteractionsOptionsValidator : IValidateOptions<HttpInteractionsOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpInteractionsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
