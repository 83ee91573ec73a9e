using System.Net;
using Bot.Discord.Local;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Http.Tests;

/// <summary>
/// Unsigned junk sent to the public endpoint cannot flood the log (issue 12): refusals are
/// counted and reported at most once a minute, with their number.
/// </summary>
public sealed class RefusalLoggingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    private EndpointHarness _host = null!;

    public async Task InitializeAsync() => _host = await EndpointHarness.StartAsync(s => s.Time = _clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_burst_of_unsigned_requests_is_one_log_line_then_one_a_minute_with_the_count()
    {
        var body = FixtureFiles.Read("interaction_ping.json");
        for (var i = 0; i < 50; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(EndpointHarness.Request(System.Text.Encoding.UTF8.GetBytes(body), null, null))).Status);

        Assert.Single(Refusals());
        Assert.Contains("Refused 1 interaction request(s) with 401", Refusals()[0]);

        _clock.Advance(InteractionsEndpoint.RefusalReportInterval);
        await _host.SendAsync(EndpointHarness.Request(System.Text.Encoding.UTF8.GetBytes(body), null, null));

        Assert.Equal(2, Refusals().Count);
        Assert.Contains("Refused 50 interaction request(s) with 401", Refusals()[1]);
    }

    private IReadOnlyList<string> Refusals() =>
        _host.Logs.From<InteractionsEndpoint>().Where(e => e.Message.Contains("with 401", StringComparison.Ordinal)).Select(e => e.Message).ToArray();
}
