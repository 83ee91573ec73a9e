using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Discord.Local;

/// <summary>Interactions delivered to the bot over HTTP: what their answer becomes, and the webhook calls that wait for it.</summary>
public sealed partial class LocalDiscordServer
{
    /// <summary>
    /// An interaction is about to be POSTed to the bot (<see cref="Interactions.HttpDelivery"/>): until
    /// <see cref="TakeHttpAnswer"/> or <see cref="EndHttpDelivery"/>, webhook calls with its token wait
    /// (at most <see cref="HttpAnswerWait"/>), since the bot may edit <c>@original</c> right after writing
    /// its answer, before the delivering side has read it.
    /// </summary>
    internal void ExpectHttpDelivery(string token)
    {
        lock (_state.Lock)
        {
            _state.HttpDeliveries[token] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>What Discord does with a 200 to its HTTP delivery: the body becomes the interaction's initial response.</summary>
    internal FakeResponse TakeHttpAnswer(ulong id, string token, string body)
    {
        try
        {
            JsonNode? response;
            try
            {
                response = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                return FakeResponse.Error(400, 50109, "The request body contains invalid JSON.");
            }

            return _routes.AcceptInitialResponse(id, token, response, withResponse: false);
        }
        finally
        {
            EndHttpDelivery(token);
        }
    }

    /// <summary>The HTTP delivery of the interaction with this token is over (answered or not): its webhook calls stop waiting.</summary>
    internal void EndHttpDelivery(string token)
    {
        TaskCompletionSource? delivery;
        lock (_state.Lock)
        {
            _state.HttpDeliveries.Remove(token, out delivery);
        }

        delivery?.TrySetResult();
    }

    /// <summary>How long a webhook call waits for the answer to its interaction's HTTP delivery to be taken (Discord's 3 s window).</summary>
    internal static TimeSpan HttpAnswerWait { get; } = TimeSpan.FromSeconds(3);
}
