using Bot.Discord.Gateway;
using Bot.Discord.Interactions;
using Bot.Discord.Models.Gateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Gateway;

public sealed class GatewaySettingsTests
{
    [Fact]
    public void Defaults_ask_for_no_intents_one_shard_and_discords_timings()
    {
        var options = new DiscordOptions();

        Assert.Equal(GatewayIntents.None, options.Intents);
        Assert.Equal((0, 1), (options.ShardId, options.ShardCount));
        Assert.Null(options.GatewayUrl);
        Assert.Null(options.Shard);
        Assert.Equal(TimeSpan.FromSeconds(1), options.ReconnectDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxReconnectDelay);
        Assert.Equal(TimeSpan.FromSeconds(1), options.MinInvalidSessionDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), options.MaxInvalidSessionDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ResumeTimeout);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("00:10:01")]
    public void A_resume_timeout_that_is_not_positive_or_above_ten_minutes_is_refused_naming_the_setting(string timeout)
    {
        var problems = DiscordOptionsTests.Problems(new DiscordOptions { Token = "t", ResumeTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal($"Discord:ResumeTimeout is {timeout}; it must be above 0 and at most 00:10:00 (default 00:00:30).", Assert.Single(problems));
        Assert.Empty(DiscordOptionsTests.Problems(new DiscordOptions { Token = "t", ResumeTimeout = TimeSpan.FromMinutes(10) }));
    }

    [Fact]
    public void The_wait_after_a_non_resumable_invalid_session_is_between_1_and_5_seconds_by_default()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), GatewayClient.InvalidSessionDelay(new DiscordOptions { Random = new FixedRandom(0) }));
        Assert.InRange(GatewayClient.InvalidSessionDelay(new DiscordOptions { Random = new FixedRandom(0.9999) }), TimeSpan.FromSeconds(4.99), TimeSpan.FromSeconds(5));

        var options = new DiscordOptions { Random = new Random(7) };
        var waits = Enumerable.Range(0, 1000).Select(_ => GatewayClient.InvalidSessionDelay(options)).ToArray();
        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));
        Assert.True(waits.Max() - waits.Min() > TimeSpan.FromSeconds(3), "the waits are spread over the range");
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(-1, 1)]
    [InlineData(5, 3)]
    public void A_shard_id_outside_the_shard_count_is_refused(int shardId, int shardCount)
    {
        var problems = DiscordOptionsTests.Problems(new DiscordOptions { Token = "t", ShardId = shardId, ShardCount = shardCount });

        Assert.Contains(problems, problem => problem.Contains("Discord:ShardId", StringComparison.Ordinal));
    }

    [Fact]
    public void Other_unusable_settings_are_named()
    {
        Assert.Contains("Discord__Token", Assert.Single(StartUpProblems(new ConfigurationBuilder().Build())));
        Assert.Contains("Discord:ShardCount", Assert.Single(DiscordOptionsTests.Problems(new DiscordOptions { Token = "t", ShardCount = 0 })));
        Assert.Contains("Discord:GatewayUrl", Assert.Single(DiscordOptionsTests.Problems(new DiscordOptions { Token = "t", GatewayUrl = "https://gateway.discord.gg" })));
        Assert.Empty(DiscordOptionsTests.Problems(new DiscordOptions { Token = "t", GatewayUrl = "wss://gateway.discord.gg", ShardId = 1, ShardCount = 2 }));
    }

    [Fact]
    public void The_token_never_shows_in_text()
    {
        const string token = "secret-token-value";
        var options = new DiscordOptions { Token = "Bot " + token };

        Assert.DoesNotContain(token, options.ToString());
        Assert.Equal(token, options.GatewayToken); // Identify and Resume carry it without "Bot "
        Assert.DoesNotContain(token, GatewayIdentify.Build(options).ToString());
        Assert.DoesNotContain(token, new ResumeData { Token = token, SessionId = "s", Seq = 3 }.ToString());
    }

    [Fact]
    public void Settings_bind_from_the_discord_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "t",
            ["Discord:GatewayUrl"] = "wss://example.org/",
            ["Discord:Intents"] = "Guilds, GuildScheduledEvents",
            ["Discord:ShardId"] = "2",
            ["Discord:ShardCount"] = "3",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IHostApplicationLifetime, ApplicationLifetimeStub>().AddLogging();
        services.AddDiscordGateway(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;

        Assert.Equal("t", options.Token);
        Assert.Equal("wss://example.org/", options.GatewayUrl);
        Assert.Equal(GatewayIntents.Guilds | GatewayIntents.GuildScheduledEvents, options.Intents);
        Assert.Equal(new Shard(2, 3), options.Shard);
    }

    [Fact]
    public void Registration_keeps_a_queue_and_clock_already_registered_and_adds_the_client_once()
    {
        var queue = new InteractionQueue(8);
        var time = new FakeTimeProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Token"] = "t" }).Build();
        var services = new ServiceCollection().AddSingleton<IHostApplicationLifetime, ApplicationLifetimeStub>().AddLogging();
        services.AddSingleton(queue).AddSingleton<TimeProvider>(time);
        services.AddDiscordGateway(configuration);
        services.AddDiscordGateway(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Same(queue, provider.GetRequiredService<InteractionQueue>());
        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
        var hosted = Assert.Single(provider.GetServices<IHostedService>());
        Assert.Same(provider.GetRequiredService<GatewayClient>(), hosted);
    }

    [Fact]
    public async Task Invalid_shard_settings_stop_start_up_before_connecting()
    {
        await using var harness = await GatewayHarness.StartAsync(start: false, settings: _ => new Dictionary<string, string?>
        {
            ["Discord:ShardId"] = "2",
            ["Discord:ShardCount"] = "2",
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(harness.StartHostAsync);

        Assert.Contains("Discord:ShardId", failure.Message);
        Assert.DoesNotContain(harness.Server.Token, failure.Message);
        Assert.Empty(harness.Gateway.Connections);
        Assert.Empty(harness.Server.Requests);
    }

    /// <summary>What start-up says of the gateway's settings in <paramref name="configuration"/>: one sentence per problem.</summary>
    private static IReadOnlyList<string> StartUpProblems(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddSingleton<IHostApplicationLifetime, ApplicationLifetimeStub>().AddLogging();
        services.AddDiscordGateway(configuration);
        using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException e)
        {
            return e.Failures.ToList();
        }
    }

    private sealed class ApplicationLifetimeStub : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
