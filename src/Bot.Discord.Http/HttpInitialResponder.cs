using Bot.Discord.Interactions;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Rest;

namespace Bot.Discord.Http;

/// <summary>
/// The HTTP path's initial response: instead of POSTing a callback, hand the response to the endpoint,
/// which writes it as the body of Discord's still-open request. One per request.
/// </summary>
/// <remarks>
/// <see cref="RespondAsync"/> returns once the body was written, so whatever the dispatcher does next
/// (editing <c>@original</c> after a deferral) happens after Discord has the response. When the endpoint
/// no longer waits (its time ran out, or Discord hung up) it fails with
/// <see cref="DiscordRestErrorKind.UnknownInteraction"/>, which is what Discord itself would answer to a
/// callback after the 3-second window.
/// </remarks>
public sealed class HttpInitialResponder : IInitialResponder
{
    private readonly TaskCompletionSource<InteractionResponse?> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _claimed;

    /// <summary>The response to write, or null when none will come (the dispatcher finished without one, or the endpoint gave up).</summary>
    internal Task<InteractionResponse?> Response => _response.Task;

    /// <summary>False: Discord answers the endpoint's response with nothing, so the dispatcher defers and edits <c>@original</c> when it needs the message.</summary>
    public bool ReturnsMessage => false;

    public Task<InitialResponseResult> RespondAsync(Interaction interaction, InteractionResponse response, bool returnMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (Interlocked.Exchange(ref _claimed, 1) != 0)
            return Task.FromResult(Failure(DiscordRestErrorKind.AlreadyAcknowledged, 40060, 400, "Interaction has already been acknowledged."));

        if (!_response.TrySetResult(response))
            return Task.FromResult(TooLate());

        return WaitForDeliveryAsync(cancellationToken);
    }

    /// <summary>The endpoint wrote the response (true) or could not (false).</summary>
    internal void Delivered(bool delivered) => _delivered.TrySetResult(delivered);

    /// <summary>
    /// The endpoint stops waiting. Returns the response when one arrived at the same moment (it is still
    /// worth sending), else null, and any later <see cref="RespondAsync"/> fails.
    /// </summary>
    internal InteractionResponse? GiveUp()
    {
        if (_response.TrySetResult(null))
        {
            _delivered.TrySetResult(false);
            return null;
        }

        return _response.Task.Result;
    }

    /// <summary>The dispatcher is done with this interaction: no initial response will come after this.</summary>
    internal void Close() => _response.TrySetResult(null);

    private async Task<InitialResponseResult> WaitForDeliveryAsync(CancellationToken cancellationToken) =>
        await _delivered.Task.WaitAsync(cancellationToken).ConfigureAwait(false) ? InitialResponseResult.Sent() : TooLate();

    private static InitialResponseResult TooLate() =>
        Failure(DiscordRestErrorKind.UnknownInteraction, 10062, 404, "Unknown interaction: the HTTP request it came with was already answered or closed.");

    private static InitialResponseResult Failure(DiscordRestErrorKind kind, int code, int status, string message) =>
        InitialResponseResult.Failed(new DiscordRestError(kind, message) { Code = code, HttpStatus = status });
}
