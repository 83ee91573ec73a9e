using System.Diagnostics;
using System.Net;
using Bot.Discord.Interactions;
using Bot.Discord.Local;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Rest;

namespace Bot.Discord.Http.Tests;

/// <summary>How the endpoint turns what the dispatcher does (or fails to do) into the HTTP answer, and shutdown.</summary>
public sealed class DispatchThroughHttpTests
{
    private static readonly string Command = FixtureFiles.Read("interaction_slash_command_full.json");

    [Fact]
    public async Task Dispatcher_that_ends_without_an_initial_response_gets_503_at_once()
    {
        await using var host = await EndpointHarness.StartAsync(settings => settings.Dispatch = (_, _, _) => Task.CompletedTask);
        var clock = Stopwatch.StartNew();

        var answer = await host.SendAsync(host.Signed(Command));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Equal("", answer.Body);
        // Not the 3 s response timeout: the endpoint knows at once that no response is coming.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"took {clock.Elapsed}");
        Assert.Contains(host.Logs.Entries, entry => entry.Message.Contains("no initial response", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispatcher_that_throws_gets_503_and_an_error_in_the_log()
    {
        await using var host = await EndpointHarness.StartAsync(settings =>
            settings.Dispatch = (_, _, _) => throw new InvalidOperationException("dispatcher bug"));

        var answer = await host.SendAsync(host.Signed(Command));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Equal("", answer.Body);
        Assert.Contains(host.Logs.Entries, entry => entry.Level == Microsoft.Extensions.Logging.LogLevel.Error && entry.Exception?.Contains("dispatcher bug", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Dispatcher_too_slow_for_the_window_gets_503_and_its_late_response_is_told_the_interaction_is_gone()
    {
        var late = new TaskCompletionSource<InitialResponseResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await EndpointHarness.StartAsync(settings =>
        {
            settings.Config["Discord:InitialResponseTimeout"] = "00:00:00.300";
            settings.Dispatch = async (incoming, responder, cancellationToken) =>
            {
                // Far beyond the 300 ms allowed, so a busy machine cannot turn this into an in-time answer.
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                late.TrySetResult(await responder.RespondAsync(incoming.Interaction, InteractionResponse.DeferredChannelMessage(false), returnMessage: false, cancellationToken));
            };
        });
        var answer = await host.SendAsync(host.Signed(Command));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.False(late.Task.IsCompleted, "The endpoint answered only after the dispatcher's late response.");
        var result = await late.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(result.IsSuccess);
        Assert.Equal(DiscordRestErrorKind.UnknownInteraction, result.Error.Kind);
    }

    [Fact]
    public async Task Second_initial_response_is_refused_as_already_acknowledged_and_the_first_is_sent()
    {
        var second = new TaskCompletionSource<InitialResponseResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await EndpointHarness.StartAsync(settings => settings.Dispatch = async (incoming, responder, cancellationToken) =>
        {
            var first = responder.RespondAsync(incoming.Interaction, InteractionResponse.DeferredChannelMessage(ephemeral: true), returnMessage: false, cancellationToken);
            second.TrySetResult(await responder.RespondAsync(incoming.Interaction, InteractionResponse.Pong, returnMessage: false, cancellationToken));
            await first;
        });

        var answer = await host.SendAsync(host.Signed(Command));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("""{"type":5,"data":{"flags":64}}""", answer.Body);
        var result = await second.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(DiscordRestErrorKind.AlreadyAcknowledged, result.Error?.Kind);
    }

    [Fact]
    public async Task Initial_response_succeeds_only_once_written_and_the_dispatch_goes_on_after_the_request()
    {
        var responded = new TaskCompletionSource<InitialResponseResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await EndpointHarness.StartAsync(settings => settings.Dispatch = async (incoming, responder, cancellationToken) =>
        {
            responded.TrySetResult(await responder.RespondAsync(incoming.Interaction, InteractionResponse.DeferredChannelMessage(false), returnMessage: false, cancellationToken));
            await release.Task;
            finished.TrySetResult();
        });

        var answer = await host.SendAsync(host.Signed(Command));

        Assert.Equal("""{"type":5}""", answer.Body);
        Assert.True((await responded.Task.WaitAsync(TimeSpan.FromSeconds(10))).IsSuccess);
        Assert.False(finished.Task.IsCompleted);
        Assert.Equal(1, host.Services.GetInFlight().Count);
        release.SetResult();
        await finished.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Shutdown_waits_for_dispatches_still_running_after_their_response()
    {
        var finished = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await EndpointHarness.StartAsync(settings => settings.Dispatch = async (incoming, responder, cancellationToken) =>
        {
            await responder.RespondAsync(incoming.Interaction, InteractionResponse.DeferredChannelMessage(false), returnMessage: false, cancellationToken);
            // Still working after the HTTP answer went out (as a deferred answer's edit is), until released.
            await release.Task.WaitAsync(cancellationToken);
            Interlocked.Increment(ref finished);
        });

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.SendAsync(host.Signed(Command))));
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));

        var stopping = host.StopAsync();
        // Shutdown reaches the drain and waits there, with the three dispatches still blocked.
        await host.Logs.WaitForAsync(entry => entry.Message.Contains("waiting for 3 interactions", StringComparison.Ordinal), "shutdown waiting for the 3 dispatches");

        Assert.False(stopping.IsCompleted, "shutdown finished while three dispatches were still running");
        release.SetResult();
        await stopping;

        Assert.Equal(3, Volatile.Read(ref finished));
    }

    [Fact]
    public async Task Shutdown_timeout_cancels_dispatches_that_would_not_finish()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await EndpointHarness.StartAsync(settings =>
        {
            settings.ShutdownTimeout = TimeSpan.FromMilliseconds(300);
            settings.Dispatch = async (incoming, responder, cancellationToken) =>
            {
                await responder.RespondAsync(incoming.Interaction, InteractionResponse.DeferredChannelMessage(false), returnMessage: false, cancellationToken);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                finally
                {
                    cancelled.TrySetResult();
                }
            };
        });
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(host.Signed(Command))).Status);
        var clock = Stopwatch.StartNew();

        await host.StopAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stop took {clock.Elapsed}");
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Contains(host.Logs.Entries, entry => entry.Message.Contains("cancelling 1 interactions", StringComparison.Ordinal));
    }
}

internal static class ServiceProviderExtensions
{
    public static InFlightInteractions GetInFlight(this IServiceProvider services) =>
        (InFlightInteractions)services.GetService(typeof(InFlightInteractions))!;
}
