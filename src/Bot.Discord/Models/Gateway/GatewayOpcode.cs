namespace Bot.Discord.Models.Gateway;

/// <summary>The <c>op</c> of a gateway frame.</summary>
public enum GatewayOpcode
{
    /// <summary>Received: an event; <c>t</c> names it and <c>s</c> is its sequence number.</summary>
    Dispatch = 0,

    /// <summary>Sent every heartbeat interval with the last sequence number; received as a request to send one now.</summary>
    Heartbeat = 1,
    Identify = 2,
    PresenceUpdate = 3,
    VoiceStateUpdate = 4,
    Resume = 6,

    /// <summary>Received: reconnect and resume.</summary>
    Reconnect = 7,
    RequestGuildMembers = 8,

    /// <summary>Received: <c>d</c> is true when the session can be resumed.</summary>
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
    RequestSoundboardSounds = 31,
    RequestChannelInfo = 43,
}
