using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Discord;

public static class DiscordOptionsServiceCollectionExtensions
{
    /// <summary>The REST client's name for <see cref="DiscordOptions.ApiBaseUrl"/> before the section had one class.</summary>
    private const string RenamedBaseUrl = "BaseUrl";

    /// <summary>
    /// Registers <see cref="DiscordOptions"/>, checked by <see cref="DiscordOptionsValidator"/> at start-up
    /// and, given a <paramref name="configuration"/>, bound from its <c>Discord</c> section. Every part of
    /// the Discord layer calls this; the section is bound once, whoever calls first.
    /// </summary>
    public static OptionsBuilder<DiscordOptions> AddDiscordOptions(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DiscordOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<DiscordOptions>, TokenFileReader>());
        options.ValidateOnStart();

        // Binding registers the section's change-token source: its presence means the section is bound already.
        if (configuration is null || services.Any(service => service.ServiceType == typeof(IOptionsChangeTokenSource<DiscordOptions>)))
            return options;

        var section = configuration.GetSection(DiscordOptions.Section);
        return options
            .Bind(section)
            .Validate(
                _ => string.IsNullOrEmpty(section[RenamedBaseUrl]),
                $"{DiscordOptions.Key(RenamedBaseUrl)} was renamed {DiscordOptions.Key(nameof(DiscordOptions.ApiBaseUrl))}: " +
                $"set {DiscordOptions.EnvironmentKey(nameof(DiscordOptions.ApiBaseUrl))} (or {DiscordOptions.Key(nameof(DiscordOptions.ApiBaseUrl))} in appsettings.json) instead.");
    }
}
