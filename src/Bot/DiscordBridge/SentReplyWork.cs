using System.Collections.Concurrent;
using System.Globalization;
using Bot.Commands.Replies;
using Bot.Discord;
using Bot.Discord.Interactions;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.DiscordBridge;

/// <summary>
/// Runs a reply's <see cref="Reply.WhenSent"/> (pinning it, say) once Discord has made the reply a
/// message. The handler returns its reply before the dispatcher sends it, so the message's id is
/// not known then: this reads it back with <c>GET /webhooks/{app}/{token}/messages/@original</c>,
/// trying again while Discord answers that there is no such message yet (the initial response is
/// still on its way, or the HTTP endpoint's answer is still being read), for at most
/// <see cref="GiveUpAfter"/>. After a deferral the id read is the placeholder's, which the reply
/// then fills: the same message. What the work returns goes to the invoker as an ephemeral follow-up.
/// </summary>
/// <remarks>
/// Each piece of work runs in the background, outside the dispatch (whose cancellation fires once
/// the reply is out), and is cancelled when the host stops.
/// </remarks>
internal sealed partial class SentReplyWork(
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<SentReplyWork> logger) : IAsyncDisposable
{
    /// <summary>The first wait before reading the message again; each next one doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    internal static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);

    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>The initial response must come within 3 seconds, a deferred one's edit within 15 minutes; a message not there after this never will be.</summary>
    internal static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, byte> running = new();

    /// <summary>Work started and not finished yet.</summary>
    public int Running => running.Count;

    /// <summary>Starts <paramref name="work"/> for the reply to <paramref name="interaction"/>; returns at once.</summary>
    public void Start(Interaction interaction, Func<SentMessage, CancellationToken, ValueTask<Reply?>> work)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(work);
        if (stopping.IsCancellationRequested)
            return;
        var task = Task.Run(() => RunAsync(interaction, work, stopping.Token), CancellationToken.None);
        running[task] = 0;
        task.ContinueWith(t => running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) until no work is running: for tests and orderly stops.</summary>
    public async Task WhenIdleAsync(TimeSpan timeout)
    {
        var tasks = running.Keys.ToArray();
        if (tasks.Length > 0)
            await Task.WhenAll(tasks).WaitAsync(timeout, time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await WhenIdleAsync(TimeSpan.FromSeconds(5));
        stopping.Dispose();
    }

    private async Task RunAsync(Interaction interaction, Func<SentMessage, CancellationToken, ValueTask<Reply?>> work, CancellationToken cancellationToken)
    {
        try
        {
            if ((interaction.ApplicationId ?? options.Value.Interactions.ApplicationId) is not { } applicationId)
            {
                LogNoApplicationId(logger, interaction.Id);
                return;
            }

            if (await ReadSentMessageAsync(applicationId, interaction, cancellationToken).ConfigureAwait(false) is not { } message)
                return;

            var sent = new SentMessage(
                (message.ChannelId != 0 ? message.ChannelId : interaction.ChannelId)?.ToString(CultureInfo.InvariantCulture),
                message.Id.ToString(CultureInfo.InvariantCulture));
            if (await work(sent, cancellationToken).ConfigureAwait(false) is not { } notice)
                return;

            var data = DiscordMessages.ToDiscord(notice with { Ephemeral = true, Kind = ReplyKind.NewMessage, WhenSent = null });
            var followUp = await rest.CreateFollowupMessageAsync(
                applicationId,
                interaction.Token,
                new CreateFollowupMessageRequest
                {
                    Content = data.Content,
                    Embeds = data.Embeds,
                    Components = data.Components,
                    Flags = MessageFlags.Ephemeral,
                    AllowedMentions = AllowedMentions.None,
                },
                cancellationToken).ConfigureAwait(false);
            if (!followUp.IsSuccess)
                LogFollowUpFailed(logger, interaction.Id, followUp.Error.Kind, followUp.Error.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception exception)
        {
            LogWorkFailed(logger, exception, interaction.Id);
        }
    }

    /// <summary>The reply as Discord keeps it; null (logged) when it never appears or cannot be read.</summary>
    private async Task<Message?> ReadSentMessageAsync(ulong applicationId, Interaction interaction, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var delay = FirstRetryDelay;
        while (true)
        {
            var result = await rest.GetOriginalResponseAsync(applicationId, interaction.Token, cancellationToken).ConfigureAwait(false);
            if (result.IsSuccess)
                return result.Value;

            // Not found yet: the initial response has not reached Discord. Anything else will not get better.
            if (result.Error.Kind != DiscordRestErrorKind.NotFound || time.GetElapsedTime(started) + delay > GiveUpAfter)
            {
                LogMessageNotFound(logger, interaction.Id, result.Error.Kind, result.Error.Message);
                return null;
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId}: no application id, so the reply's message cannot be read back")]
    private static partial void LogNoApplicationId(ILogger logger, ulong interactionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId}: the reply's message could not be read back ({Kind}: {Message}); its follow-up work is skipped")]
    private static partial void LogMessageNotFound(ILogger logger, ulong interactionId, DiscordRestErrorKind kind, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId}: the follow-up after the reply failed ({Kind}: {Message})")]
    private static partial void LogFollowUpFailed(ILogger logger, ulong interactionId, DiscordRestErrorKind kind, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction {InteractionId}: the work after the reply failed")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception, ulong interactionId);
}
