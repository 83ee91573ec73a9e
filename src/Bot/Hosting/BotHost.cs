using Bot.Cli;
using Bot.Cli.LocalConsole;
using Bot.Commands.Hosting;
using Bot.Discord;
using Bot.Discord.Http;
using Bot.Embeddings.MiniLM;
using Bot.Knowledge;
using Bot.Knowledge.Hosting;
using Bot.Knowledge.Semantic;
using Bot.Observability;
using Bot.State.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Hosting;

/// <summary>
/// Builds the host: configuration (appsettings, user secrets, environment, command line), options,
/// services. A generic host for the command line and the gateway, a web application for the HTTP transport.
/// </summary>
internal static class BotHost
{
    /// <param name="overrides">Settings from command-line options, which win over every other source.</param>
    /// <param name="watch">Whether to watch the knowledge folder: long-running modes do, one-shot commands do not.</param>
    /// <param name="discord">What of Discord to wire: nothing (ask, eval), the REST client and registration, or everything.</param>
    /// <param name="progressBar">A terminal to draw embedding progress on (<see cref="TerminalProgressBar"/>), or null.</param>
    public static IHost Build(IDictionary<string, string?> overrides, bool watch, DiscordRole discord = DiscordRole.None, TextWriter? progressBar = null)
    {
        if (discord == DiscordRole.Http)
        {
            // The HTTP transport is a web application: Kestrel serves POST /interactions, /healthz, the
            // probes and the metrics.
            var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = [],
                ContentRootPath = Directory.GetCurrentDirectory(),
                ApplicationName = "Bot",
            });
            Configure(web, overrides, watch, discord, progressBar);
            web.WebHost.UseUrls(ListenerUrls.Split(web.Configuration[$"{DiscordOptions.Section}:{nameof(DiscordOptions.HttpUrls)}"]) is { Length: > 0 } urls
                ? urls
                : [DiscordOptions.DefaultHttpUrls]);
            var app = web.Build();
            app.MapDiscordInteractions();
            ObservabilityEndpoints.Map(app);
            return app;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
            ApplicationName = "Bot",
        });
        Configure(builder, overrides, watch, discord, progressBar);
        return builder.Build();
    }

    /// <summary>
    /// The configuration sources in priority order, for a look at settings before the host is
    /// built (which transport to run decides which kind of host to build).
    /// </summary>
    public static IConfiguration ReadConfiguration(IDictionary<string, string?> overrides) =>
        new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddUserSecrets(typeof(BotHost).Assembly, optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();

    private static void Configure(IHostApplicationBuilder builder, IDictionary<string, string?> overrides, bool watch, DiscordRole discord, TextWriter? progressBar)
    {
        builder.Configuration.AddUserSecrets(typeof(BotHost).Assembly, optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(overrides);

        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{KnowledgeOptions.Section}:{nameof(KnowledgeOptions.Folder)}"]))
        {
            builder.Configuration[$"{KnowledgeOptions.Section}:{nameof(KnowledgeOptions.Folder)}"] =
                KnowledgeFolderLocator.Locate(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        }

        if (!watch)
            builder.Configuration[$"{KnowledgeOptions.Section}:{nameof(KnowledgeOptions.Watch)}"] = "false";

        ConsoleLogging.Configure(builder, watch);

        builder.Services.AddOptions<KnowledgeOptions>().Bind(builder.Configuration.GetSection(KnowledgeOptions.Section));
        if (builder.Configuration.GetValue($"{KnowledgeOptions.Section}:{nameof(KnowledgeOptions.Semantic)}", defaultValue: true))
        {
            // One set of slots, shared by the model and by the Discord handlers that take one ahead of it.
            builder.Services.AddSingleton(sp =>
            {
                var concurrency = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.MaxModelConcurrency;
                return new ModelSlots(concurrency > 0 ? concurrency : Environment.ProcessorCount);
            });
            builder.Services.AddSingleton<ITextEmbedder>(sp => new MiniLmEmbedder(sp.GetRequiredService<ModelSlots>()));
        }

        if (progressBar is not null)
            builder.Services.AddSingleton<IEmbeddingProgressListener>(sp => new TerminalProgressBar(progressBar, sp.GetRequiredService<TimeProvider>()));

        // Hosted services start in the order they are added: the probes' listener first (it answers
        // during a long start), then the index, ready before commands are registered and before the
        // gateway connects, so the first interaction finds it built.
        if (discord is DiscordRole.Gateway or DiscordRole.Http)
            ObservabilityServices.Add(builder.Services, builder.Configuration, discord);
        builder.Services.AddBotState();
        builder.Services.AddKnowledge();
        builder.Services.AddBotCommands();
        if (discord != DiscordRole.None)
            DiscordServices.Add(builder.Services, builder.Configuration, discord);
        else
            ConsoleCapabilities.Add(builder.Services); // no Discord in this process: pins and events say so

    }
}
