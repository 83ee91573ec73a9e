using Bot.Discord.Local.Logging;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Http.Tests;

public sealed class InFlightAndResponderTests
{
    private static readonly Interaction Interaction = new() { Id = 1533158390497411082, Type = InteractionType.ApplicationCommand, Token = "dG9rZW4" };

    [Fact]
    public async Task Drain_with_nothing_running_returns_at_once()
    {
        using var inFlight = new InFlightInteractions(Logger<InFlightInteractions>(out _));
        await inFlight.DrainAsync(new CancellationToken(canceled: true));
        Assert.Equal(0, inFlight.Count);
    }

    [Fact]
    public async Task Work_that_throws_is_logged_and_no_longer_counted()
    {
        using var inFlight = new InFlightInteractions(Logger<InFlightInteractions>(out var logs));

        await inFlight.Run(_ => throw new InvalidOperationException("handler bug")).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(0, inFlight.Count);
        Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Error && entry.Exception?.Contains("handler bug", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Drain_waits_for_work_started_while_draining()
    {
        using var inFlight = new InFlightInteractions(Logger<InFlightInteractions>(out _));
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstRun = inFlight.Run(async token =>
        {
            await first.Task;
            _ = inFlight.Run(_ => second.Task);
        });

        var drain = inFlight.DrainAsync(CancellationToken.None);
        // Whether the drain ended before the nested work was let go: read when it ends, not after a pause.
        var endedBeforeSecond = drain.ContinueWith(_ => !second.Task.IsCompleted, TaskContinuationOptions.ExecuteSynchronously);
        first.SetResult();
        await firstRun; // the nested work was registered before the first ended
        second.SetResult();
        await drain.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(await endedBeforeSecond, "the drain ended while work started during it was still running");
        Assert.Equal(0, inFlight.Count);
    }

    [Fact]
    public async Task Respond_succeeds_once_the_endpoint_wrote_the_response()
    {
        var responder = new HttpInitialResponder();

        var respond = responder.RespondAsync(Interaction, InteractionResponse.DeferredChannelMessage(false), returnMessage: false, CancellationToken.None);
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, (await responder.Response)?.Type);
        Assert.False(respond.IsCompleted);
        responder.Delivered(true);

        Assert.True((await respond).IsSuccess);
    }

    [Fact]
    public async Task Respond_after_the_endpoint_gave_up_is_an_unknown_interaction()
    {
        var responder = new HttpInitialResponder();
        Assert.Null(responder.GiveUp());

        var result = await responder.RespondAsync(Interaction, InteractionResponse.DeferredChannelMessage(false), returnMessage: false, CancellationToken.None);

        Assert.Equal(DiscordRestErrorKind.UnknownInteraction, result.Error?.Kind);
        Assert.Equal(10062, result.Error?.Code);
    }

    [Fact]
    public async Task Response_that_arrived_as_the_endpoint_gave_up_is_still_sent()
    {
        var responder = new HttpInitialResponder();
        var respond = responder.RespondAsync(Interaction, InteractionResponse.DeferredChannelMessage(false), returnMessage: false, CancellationToken.None);

        Assert.NotNull(responder.GiveUp());
        responder.Delivered(true);
        Assert.True((await respond).IsSuccess);
    }

    [Fact]
    public async Task Respond_write_that_failed_is_reported_as_an_unknown_interaction()
    {
        var responder = new HttpInitialResponder();
        var respond = responder.RespondAsync(Interaction, InteractionResponse.DeferredChannelMessage(false), returnMessage: false, CancellationToken.None);

        responder.Delivered(false);

        Assert.Equal(DiscordRestErrorKind.UnknownInteraction, (await respond).Error?.Kind);
    }

    [Fact]
    public async Task Respond_waiting_for_the_write_honours_cancellation()
    {
        var responder = new HttpInitialResponder();
        using var cancellation = new CancellationTokenSource();
        var respond = responder.RespondAsync(Interaction, InteractionResponse.DeferredChannelMessage(false), returnMessage: false, cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => respond);
    }

    private static ILogger<T> Logger<T>(out CapturingLoggerProvider logs)
    {
        logs = new CapturingLoggerProvider();
        return new Logger<T>(new LoggerFactory([logs]));
    }
}
