using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Bot.Observability;

/// <summary>
/// The small listener on <c>Observability:Urls</c> that serves the probes and the metrics, in every mode. It
/// is the first hosted service: it listens before the knowledge index is built, so <c>/healthz/live</c>
/// answers during a long start while <c>/healthz/ready</c> says not yet, and it stops last, after the
/// interactions in flight are finished. Its checks and metrics are the bot's own (the host's services).
/// </summary>
internal sealed partial class ObservabilityListener(IServiceProvider services, IOptions<ObservabilityOptions> options, ILogger<ObservabilityListener> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    [SuppressMessage("Performance", "CA1873:Avoid potentially expensive logging", Justification = "Each call is guarded by logger.IsEnabled; the analyzer does not see a guard around a [LoggerMessage] call (dotnet/sdk#50893).")]
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var urls = ListenerUrls.Split(options.Value.Urls);
        if (urls.Length == 0)
            return;

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Bot.Observability" });
        builder.WebHost.UseKestrelCore().UseUrls(urls);
        builder.Services.AddRoutingCore();
        // The bot's own log, health checks and metrics; and no signal handling of its own: the bot's host
        // decides when to stop, and stops this listener last.
        builder.Services.AddSingleton(services.GetRequiredService<ILoggerFactory>());
        builder.Services.AddSingleton(services.GetRequiredService<HealthCheckService>());
        builder.Services.AddSingleton<IHostLifetime, HostDecides>();
        _app = builder.Build();
        ObservabilityEndpoints.Map(_app, services.GetRequiredService<MeterProvider>());
        await _app.StartAsync(cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
            Listening(logger, string.Join(", ", _app.Urls));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
            await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving /healthz/live, /healthz/ready and /metrics on {Urls}")]
    private static partial void Listening(ILogger logger, string urls);

    private sealed class HostDecides : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
