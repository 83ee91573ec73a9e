using Bot.Discord.Diagnostics;
using Bot.Discord.Rest.RateLimits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Rest;

public static class DiscordRestServiceCollectionExtensions
{
    /// <summary>What a REST client without a token is told, one sentence naming the setting and how to set it.</summary>
    internal const string TokenNotSet =
        "Discord:Token is not set. Put the bot token (developer portal → your application → Bot → Reset Token) in the environment variable " +
        "Discord__Token (or a file holding it in Discord__TokenFile), or run: dotnet user-secrets set Discord:Token <token> --project src/Bot";

    /// <summary>
    /// Registers <see cref="DiscordRestClient"/> as a typed HttpClient, one shared <see cref="RestRateLimiter"/>
    /// and, unless one is registered, <see cref="TimeProvider.System"/>. Its settings are
    /// <see cref="DiscordOptions"/> (<c>AddDiscordOptions</c>, validated at start-up), which must then hold a token.
    /// </summary>
    public static IHttpClientBuilder AddDiscordRest(this IServiceCollection services, Action<DiscordOptions>? configure = null)
    {
        // The token's rule comes first, so a new user who set nothing reads it first. A token file that
        // gave nothing has its own, more precise message.
        var options = services.AddOptions<DiscordOptions>()
            .Validate(discord => !string.IsNullOrWhiteSpace(discord.Token) || discord.TokenFileProblem is not null, TokenNotSet);
        if (configure is not null)
            options.Configure(configure);

        services.AddDiscordOptions();
        services.AddDiscordMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new RestRateLimiter(
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<DiscordOptions>>().Value.GlobalRequestsPerSecond));

        // The factory's default handlers log every full URL, and interaction paths hold the interaction
        // token: the client logs operation names instead.
        return services.AddHttpClient<DiscordRestClient>().RemoveAllLoggers();
    }
}
