using Bot.Observability;

namespace Bot.Tests.Observability;

/// <summary>The <c>Observability</c> settings: each problem one sentence naming the setting.</summary>
public sealed class ObservabilityOptionsTests
{
    private static IReadOnlyList<string> Problems(ObservabilityOptions options) =>
        new ObservabilityOptionsValidator().Validate(null, options).Failures?.ToArray() ?? [];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http://127.0.0.1:9464")]
    [InlineData("http://*:9464; http://[::1]:9465")]
    [InlineData("http://0.0.0.0:0")]
    public void Unset_or_usable_listener_urls_pass(string? urls) =>
        Assert.Empty(Problems(new ObservabilityOptions { Urls = urls, InteractionsUrls = "http://127.0.0.1:0" }));

    [Theory]
    [InlineData("127.0.0.1:9464")]
    [InlineData("ftp://127.0.0.1:9464")]
    [InlineData("http://127.0.0.1:99999")]
    [InlineData("http://127.0.0.1:9464/metrics")]
    public void A_url_kestrel_cannot_listen_on_is_named(string url)
    {
        var problem = Assert.Single(Problems(new ObservabilityOptions { Urls = url }));
        Assert.StartsWith($"Observability:Urls has '{url}'", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
    [InlineData("http://*:8080", "http://127.0.0.1:9000;http://localhost:8080")]
    [InlineData("http://[::1]:80", "http://127.0.0.1")]
    public void The_same_port_as_the_interactions_listener_is_refused(string urls, string interactionsUrls)
    {
        var problem = Assert.Single(Problems(new ObservabilityOptions { Urls = urls, InteractionsUrls = interactionsUrls }));
        Assert.StartsWith("Observability:Urls and Discord:HttpUrls both listen on port", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gateway_mode_has_no_interactions_listener_to_collide_with() =>
        Assert.Empty(Problems(new ObservabilityOptions { Urls = "http://127.0.0.1:8080", InteractionsUrls = null }));

    [Fact]
    public void Limits_out_of_range_are_named()
    {
        var problems = Problems(new ObservabilityOptions { HeartbeatGrace = TimeSpan.FromHours(1), StalledWorkersAfter = TimeSpan.Zero });

        Assert.Contains(problems, p => p.StartsWith("Observability:HeartbeatGrace is 01:00:00", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Observability:StalledWorkersAfter is 00:00:00", StringComparison.Ordinal));
    }
}
