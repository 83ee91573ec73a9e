using Bot.Discord.Gateway;

namespace Bot.Discord.Tests.Gateway;

/// <summary>The small rules the client follows: the close-code table, the connect URL, the first heartbeat's jitter.</summary>
public sealed class GatewayRulesTests
{
    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public void Codes_no_reconnect_can_cure_stop_with_what_to_fix(int code)
    {
        Assert.Equal(GatewayNextStep.Stop, GatewayCloseCodes.NextStep(code));
        var message = GatewayCloseCodes.WhatToFix(code, new DiscordOptions());
        Assert.Contains($"close {code}", message);
        Assert.Contains("Discord__", message);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public void Codes_that_end_the_session_identify_again(int code) =>
        Assert.Equal(GatewayNextStep.Identify, GatewayCloseCodes.NextStep(code));

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4008)]
    [InlineData(1000)]
    [InlineData(1006)]
    [InlineData(4999)]
    [InlineData(null)]
    public void Other_closes_try_to_resume(int? code) =>
        Assert.Equal(GatewayNextStep.Resume, GatewayCloseCodes.NextStep(code));

    [Fact]
    public void The_client_closes_to_resume_with_a_code_that_keeps_the_session()
    {
        Assert.NotEqual(1000, GatewayCloseCodes.Reconnecting);
        Assert.NotEqual(1001, GatewayCloseCodes.Reconnecting);
        Assert.Equal(1000, GatewayCloseCodes.Normal);
    }

    [Theory]
    [InlineData("wss://gateway.discord.gg/", "wss://gateway.discord.gg/?v=10&encoding=json")]
    [InlineData("wss://gateway-us-east1-b.discord.gg", "wss://gateway-us-east1-b.discord.gg/?v=10&encoding=json")]
    [InlineData("ws://127.0.0.1:5000/gateway?v=9&encoding=etf&compress=zlib-stream", "ws://127.0.0.1:5000/gateway?v=10&encoding=json&compress=zlib-stream")]
    public void Connect_urls_carry_version_10_and_json(string url, string expected) =>
        Assert.Equal(expected, GatewayUri.ForConnecting(url)!.AbsoluteUri);

    [Theory]
    [InlineData("https://discord.com/api")]
    [InlineData("not a url")]
    [InlineData("")]
    public void Urls_that_are_not_websockets_are_refused(string url) => Assert.Null(GatewayUri.ForConnecting(url));

    [Fact]
    public void The_first_heartbeat_waits_interval_times_jitter()
    {
        var interval = TimeSpan.FromMilliseconds(41250);

        Assert.Equal(TimeSpan.Zero, HeartbeatLoop.FirstBeatDelay(interval, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(10312.5), HeartbeatLoop.FirstBeatDelay(interval, 0.25));
        Assert.True(HeartbeatLoop.FirstBeatDelay(interval, 0.999999) < interval);
        Assert.Throws<ArgumentOutOfRangeException>(() => HeartbeatLoop.FirstBeatDelay(interval, 1));
    }
}
