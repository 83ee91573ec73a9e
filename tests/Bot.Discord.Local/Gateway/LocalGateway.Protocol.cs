using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.Discord.Local.Gateway;

/// <summary>The server side of the protocol: one WebSocket request from HELLO to close.</summary>
public sealed partial class LocalGateway
{
    internal async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        lock (_lock)
        {
            if (_rejectNext > 0)
            {
                _rejectNext--;
                _rejected.Add((context.Request.Path.Value ?? "", _time.GetUtcNow()));
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        LocalGatewayConnection connection;
        lock (_lock)
        {
            connection = new LocalGatewayConnection(_connections.Count, context, socket, _time, Changed) { FragmentBytes = FragmentFramesAt };
            _connections.Add(connection);
        }

        Changed();

        try
        {
            await ServeAsync(connection);
        }
        catch (Exception)
        {
            // Reset, aborted, or the client vanished mid-frame: what a network failure looks like from here.
            connection.MarkDropped();
        }
        finally
        {
            await DetachAsync(connection);
            connection.MarkEnded();
        }
    }

    private async Task ServeAsync(LocalGatewayConnection connection)
    {
        var query = QueryString.FromUriComponent(connection.Query);
        var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query.Value);
        if (!parameters.TryGetValue("v", out var version) || version != "10")
        {
            await connection.CloseAsync(4012, "Invalid API version");
            await DrainUntilClosedAsync(connection);
            return;
        }

        if (!parameters.TryGetValue("encoding", out var encoding) || encoding != "json")
        {
            await connection.CloseAsync(4002, "Error while decoding payload.");
            await DrainUntilClosedAsync(connection);
            return;
        }

        await connection.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } });
        while (true)
        {
            var text = await connection.ReceiveAsync();
            if (text is null)
            {
                await OnCloseAsync(connection);
                return;
            }

            if (!WithinSendBudget(connection))
            {
                await connection.CloseAsync(4008, "Rate limited.");
                continue;
            }

            JsonNode? frame;
            try
            {
                frame = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                frame = null;
            }

            var problems = frame is null ? ["not JSON"] : GatewayFrameShapes.Problems(frame);
            if (problems.Count > 0)
            {
                ProtocolError(connection, $"{text}: {string.Join(", ", problems)}");
                await connection.CloseAsync(4002, "Error while decoding payload.");
                continue;
            }

            await HandleFrameAsync(connection, frame!);
            // Every frame, answered or not, is news to a test waiting on what the client did (a heartbeat's time passing).
            Changed();
        }
    }

    private async Task HandleFrameAsync(LocalGatewayConnection connection, JsonNode frame)
    {
        var op = (int?)frame["op"];
        switch (op)
        {
            case 1:
                if (connection.AcksHeartbeats && AcksHeartbeats)
                    await TrySendAsync(connection, JsonNode.Parse(FixtureFiles.Read("gateway_heartbeat_ack.json"))!);

                break;
            case 2:
                await IdentifyAsync(connection, frame["d"]!);
                break;
            case 6:
                await ResumeAsync(connection, frame["d"]!);
                break;
            case 3 or 4 or 8 or 31 or 43:
                if (connection.Session is null)
                    await connection.CloseAsync(4003, "Not authenticated.");

                break;
            default:
                ProtocolError(connection, $"unknown opcode {op}");
                await connection.CloseAsync(4001, "Unknown opcode.");
                break;
        }
    }

    private async Task IdentifyAsync(LocalGatewayConnection connection, JsonNode identify)
    {
        Interlocked.Increment(ref _identifies);
        Changed();
        if (connection.Session is not null)
        {
            ProtocolError(connection, "a second IDENTIFY on one connection");
            await connection.CloseAsync(4005, "Already authenticated.");
            return;
        }

        if ((string?)identify["token"] != _token)
        {
            await connection.CloseAsync(4004, "Authentication failed.");
            return;
        }

        var shard = identify["shard"] as JsonArray;
        if (shard is not null && (shard.Count != 2 || (int?)shard[1] < 1 || (int?)shard[0] < 0 || (int?)shard[0] >= (int?)shard[1]))
        {
            await connection.CloseAsync(4010, "Invalid shard.");
            return;
        }

        if (_readyHold is { } hold)
        {
            // Answered later, off the receive loop: heartbeats are still acknowledged meanwhile.
            _ = SendReadyAfterAsync(hold.Task, connection, shard);
            return;
        }

        await SendReadyAsync(connection, shard);
    }

    private async Task SendReadyAfterAsync(Task released, LocalGatewayConnection connection, JsonArray? shard)
    {
        await released;
        await SendReadyAsync(connection, shard);
    }

    private async Task SendReadyAsync(LocalGatewayConnection connection, JsonArray? shard)
    {
        await _gate.WaitAsync();
        try
        {
            var session = new LocalGatewaySession(Guid.NewGuid().ToString("N"));
            lock (_lock)
            {
                _sessions[session.Id] = session;
                _current = session;
            }

            var ready = JsonNode.Parse(FixtureFiles.Read("gateway_ready.json"))!;
            ready["s"] = ++session.Sequence;
            ready["d"]!["session_id"] = session.Id;
            ready["d"]!["resume_gateway_url"] = ResumeUrl;
            ready["d"]!["shard"] = shard?.DeepClone() ?? new JsonArray(0, 1);
            connection.Session = session;
            session.Live = connection;
            await TrySendAsync(connection, ready);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ResumeAsync(LocalGatewayConnection connection, JsonNode resume)
    {
        Interlocked.Increment(ref _resumes);
        Changed();
        if ((string?)resume["token"] != _token)
        {
            await connection.CloseAsync(4004, "Authentication failed.");
            return;
        }

        await _gate.WaitAsync();
        try
        {
            LocalGatewaySession? session;
            lock (_lock)
            {
                _sessions.TryGetValue((string?)resume["session_id"] ?? "", out session);
            }

            var seq = (int?)resume["seq"] ?? -1;
            if (session is null || session.Invalidated || seq > session.Sequence)
            {
                await TrySendAsync(connection, JsonNode.Parse(FixtureFiles.Read("gateway_invalid_session.json"))!);
                return;
            }

            if (ResumeReply == ResumeReply.Ignore)
                return;

            if (session.Live is { } previous && previous != connection)
                previous.Session = null;

            connection.Session = session;
            session.Live = connection;
            foreach (var (sequence, json) in session.Events.Where(e => e.Sequence > seq))
            {
                await TrySendAsync(connection, JsonNode.Parse(json)!);
            }

            if (ResumeReply == ResumeReply.Answer)
                await TrySendAsync(connection, Dispatch("RESUMED", null, ++session.Sequence));
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task OnCloseAsync(LocalGatewayConnection connection)
    {
        await DetachAsync(connection);
        if (connection.ClosedByClient)
        {
            if (connection.ClientCloseCode is 1000 or 1001 && connection.Session is { } session)
            {
                await _gate.WaitAsync();
                try
                {
                    Invalidate(session);
                }
                finally
                {
                    _gate.Release();
                }
            }

            if (OnClientClose is { } hook)
                await hook(connection);

            await connection.CloseAsync(connection.ClientCloseCode ?? 1000, "");
        }
    }

    /// <summary>The client is gone from this connection: dispatches for its session wait for a resume.</summary>
    private async Task DetachAsync(LocalGatewayConnection connection)
    {
        await _gate.WaitAsync();
        try
        {
            if (connection.Session is { Live: var live } session && live == connection)
                session.Live = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task DrainUntilClosedAsync(LocalGatewayConnection connection)
    {
        while (await connection.ReceiveAsync() is not null)
        {
        }
    }

    private static bool WithinSendBudget(LocalGatewayConnection connection) =>
        connection.ReceivedWithin(TimeSpan.FromSeconds(60)) <= FramesPerMinute;
}
