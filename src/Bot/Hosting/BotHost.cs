using Bot.Cli;
using Bot.Cli.LocalConsole;
using Bot.Commands.Hosting;
using Bot.Knowledge;
using Bot.Embeddings.MiniLM;
using Bot.Knowledge.Hosting;
using Bot.Knowledge.Semantic;
using Bot.Discord;
using Bot.Discord.Http;
using Bot.State.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
            // The HTTP transport is a web application: Kestrel serves POST /interactions and /healthz.
            var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = [],
                ContentRootPath = Directory.GetCurrentDirectory(),
                ApplicationName = "Bot",
            });
            Configure(web, overrides, watch, discord, progressBar);
            web.WebHost.UseUrls(web.Configuration[$"{DiscordOptions.Section}:{nameof(DiscordOptions.HttpUrls)}"] is { Length: > 0 } urls
                ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [DiscordOptions.DefaultHttpUrls]);
            var app = web.Build();
            app.MapDiscordInteractions();
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

        // Logs go to standard error so standard output carries only answers (ask --json is read by scripts).
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (!watch && string.IsNullOrWhiteSpace(builder.Configuration["Logging:LogLevel:Default"]))
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // At Information an interaction is one line, the dispatcher's "answered"; the framework's
        // own lines for each HTTP request in and each REST call out (four apiece) are for Debug,
        // unless the operator asks for them by category.
        foreach (var category in (string[])["Microsoft.AspNetCore", "System.Net.Http.HttpClient"])
        {
            if (string.IsNullOrWhiteSpace(builder.Configuration[$"Logging:LogLevel:{category}"]))
                builder.Logging.AddFilter(category, LogLevel.Warning);
        }

        // A start-up failure is reported once, as the command line's one "error:" line; the host's
        // own report of it is a stack trace the operator does not need.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        builder.Services.AddOptions<KnowledgeOptions>().Bind(builder.Configuration.GetSection(KnowledgeOptions.Section));
        if (builder.Configuration.GetValue($"{KnowledgeOptions.Section}:{nameof(KnowledgeOptions.Semantic)}", defaultValue: true))
        {
            builder.Services.AddSingleton<ITextEmbedder>(sp =>
            {
                var concurrency = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.MaxModelConcurrency;
                return new MiniLmEmbedder(concurrency > 0 ? concurrency : Environment.ProcessorCount);
            });
        }

        if (progressBar is not null)
            builder.Services.AddSingleton<IEmbeddingProgressListener>(sp => new TerminalProgressBar(progressBar, sp.GetRequiredService<TimeProvider>()));

        // Hosted services start in the order they are added: the index is ready before commands are
        // registered and before the gateway connects, so the first interaction finds it built.
        builder.Services.AddBotState();
        builder.Services.AddKnowledge();
        builder.Services.AddBotCommands();
        if (discord != DiscordRole.None)
            DiscordServices.Add(builder.Services, builder.Configuration, discord);
        else
            ConsoleCapabilities.Add(builder.Services); // no Discord in this process: pins and events say so

    }
}
