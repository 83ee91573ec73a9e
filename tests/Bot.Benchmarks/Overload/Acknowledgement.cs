using System.Text.Json.Nodes;
using Bot.Discord.Interactions;

namespace Bot.Benchmarks.Overload;

/// <summary>What an interaction's initial response was, as a member would see it.</summary>
internal enum AcknowledgementKind
{
    /// <summary>The answer itself (type 4).</summary>
    Answer,

    /// <summary>"The bot is busy right now — try again in a minute." (type 4, ephemeral).</summary>
    Busy,

    /// <summary>"Thinking…" (type 5); the answer comes by editing it.</summary>
    Deferred,

    /// <summary>The apology for a failed handler, or anything else.</summary>
    Error,

    /// <summary>Nothing Discord took: no answer, a status other than 200/204, or an answer refused as too late.</summary>
    None,
}

/// <summary>An interaction's initial response and how long after sending it reached Discord.</summary>
internal sealed record Acknowledgement(AcknowledgementKind Kind, TimeSpan After)
{
    /// <summary>Reads an initial response's JSON (<c>{"type":4,"data":{...}}</c>).</summary>
    public static AcknowledgementKind KindOf(string json)
    {
        var response = JsonNode.Parse(json);
        return (int?)response?["type"] switch
        {
            5 => AcknowledgementKind.Deferred,
            4 => (string?)response?["data"]?["content"] switch
            {
                InteractionDispatcher.BusyMessage => AcknowledgementKind.Busy,
                InteractionDispatcher.ErrorMessage => AcknowledgementKind.Error,
                _ => AcknowledgementKind.Answer,
            },
            _ => AcknowledgementKind.Error,
        };
    }
}
