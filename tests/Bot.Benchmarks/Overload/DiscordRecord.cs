using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Discord.Interactions;
using Bot.Discord.Local;

namespace Bot.Benchmarks.Overload;

/// <summary>
/// What the local Discord received from the bot, indexed for tracing interactions: initial callbacks (the
/// gateway path's acknowledgements) by interaction id, and the answers that completed a deferral (an edit of
/// <c>@original</c>, or the follow-up that replaces a public "thinking…" with a private answer) by token.
/// </summary>
internal sealed class DiscordRecord
{
    private readonly Dictionary<ulong, RecordedRequest> _callbacks = [];
    private readonly Dictionary<string, (DateTimeOffset At, bool Apology)> _completions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _refused = new(StringComparer.Ordinal);

    private DiscordRecord()
    {
    }

    /// <summary>Indexes the requests the local Discord received after its first <paramref name="skip"/>.</summary>
    public static DiscordRecord Read(LocalDiscordServer discord, int skip)
    {
        var record = new DiscordRecord();
        foreach (var request in discord.Requests.Skip(skip))
        {
            var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            switch (request.Operation)
            {
                case "create_interaction_response" when segments.Length > 1
                                                        && ulong.TryParse(segments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                    record._callbacks.TryAdd(id, request);
                    break;
                case "update_original_webhook_message" or "execute_webhook" when request.Status is 200 or 204 && segments.Length > 2:
                    var content = (string?)JsonNode.Parse(request.Body)?["content"];
                    record._completions.TryAdd(segments[2], (request.ReceivedAt, content == InteractionDispatcher.ErrorMessage));
                    break;
                case "update_original_webhook_message" or "execute_webhook" or "delete_original_webhook_message":
                    var status = request.Status?.ToString(CultureInfo.InvariantCulture) ?? "no answer";
                    var key = $"{request.Operation} {status}";
                    record._refused[key] = record._refused.GetValueOrDefault(key) + 1;
                    break;
            }
        }

        return record;
    }

    /// <summary>Edits, follow-ups and deletions Discord did not take, by operation and status (a 200/204 deletion counts too: it precedes a follow-up).</summary>
    public IReadOnlyDictionary<string, int> Refused => _refused;

    public RecordedRequest? CallbackTo(ulong id) => _callbacks.GetValueOrDefault(id);

    /// <summary>When the deferred interaction with this token got its answer (or the apology); null while it has none.</summary>
    public (DateTimeOffset At, bool Apology)? CompletionOf(string token) =>
        _completions.TryGetValue(token, out var completion) ? completion : null;
}
