using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Bot.Hosting;

/// <summary>
/// Logs on standard error, one line per entry: the simple formatter by default, the JSON one with
/// <c>Logging:Console:FormatterName=json</c> (a log collector reads fields rather than text; scopes, such as an
/// interaction's id and command, are written under <c>Scopes</c>).
/// </summary>
internal static class ConsoleLogging
{
    public static void Configure(IHostApplicationBuilder builder, bool watch)
    {
        builder.Logging.ClearProviders();

        // Defaults, registered before AddConsole binds Logging:Console:FormatterOptions, so the operator's settings win.
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.SingleLine = true);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Logging.AddConsole();

        // The web application's slim builder (the Http transport) has already set the simple formatter
        // over whatever the settings say: the settings' choice is put back last.
        if (builder.Configuration["Logging:Console:FormatterName"] is { Length: > 0 } formatter)
            builder.Services.PostConfigure<ConsoleLoggerOptions>(o => o.FormatterName = formatter);

        // Standard error, so standard output carries only answers (ask --json is read by scripts).
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
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

        // Every failing check of every probe would be an error line (a readiness probe fails every few
        // seconds through a long start): the probe's answer says which check failed and why.
        if (string.IsNullOrWhiteSpace(builder.Configuration["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"]))
            builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical);

        // A start-up failure is reported once, as the command line's one "error:" line; the host's
        // own report of it is a stack trace the operator does not need.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
    }
}
