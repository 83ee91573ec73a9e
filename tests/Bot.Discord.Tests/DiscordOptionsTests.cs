using Bot.Discord.Gateway;
using Bot.Discord.Interactions;
using Bot.Discord.Models.Gateway;
using Bot.Discord.Rest;
using Bot.Discord.Rest.RateLimits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Tests;

/// <summary>The one class of the <c>Discord</c> section: every documented key lands in it, and renamed ones say so.</summary>
public sealed class DiscordOptionsTests
{
    /// <summary>What the start-up validation says of <paramref name="options"/>: one sentence per problem, none when usable.</summary>
    public static IReadOnlyList<string> Problems(DiscordOptions options) =>
        new DiscordOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void The_defaults_are_usable_without_a_token()
    {
        Assert.Empty(Problems(new DiscordOptions()));
    }

    [Fact]
    public void The_public_key_is_required_by_the_Http_transport_only()
    {
        Assert.Empty(Problems(new DiscordOptions { PublicKey = "not a key" }));

        var problem = Assert.Single(Problems(new DiscordOptions { Transport = DiscordTransport.Http }));

        Assert.StartsWith("Discord:PublicKey is unusable: the public key is empty.", problem, StringComparison.Ordinal);
        Assert.Contains("Discord__PublicKey", problem, StringComparison.Ordinal);
        Assert.Empty(Problems(new DiscordOptions { Transport = DiscordTransport.Http, PublicKey = new string('0', 64) }));
    }

    [Fact]
    public void Every_key_of_the_section_binds_into_the_one_class()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "t",
            ["Discord:ApplicationId"] = "1459517128704131073",
            ["Discord:GuildId"] = "1213418270883971072",
            ["Discord:Transport"] = "Http",
            ["Discord:PublicKey"] = new string('a', 64),
            ["Discord:HttpUrls"] = "http://127.0.0.1:9000",
            ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9001/api/v10",
            ["Discord:GatewayUrl"] = "ws://127.0.0.1:9002/",
            ["Discord:Intents"] = "1",
            ["Discord:ShardId"] = "1",
            ["Discord:ShardCount"] = "2",
            ["Discord:UserAgent"] = "DiscordBot (https://example.org, 2.0)",
            ["Discord:MaxAttempts"] = "2",
            ["Discord:HttpPath"] = "/in",
            ["Discord:MaxBodyBytes"] = "2048",
            ["Discord:Interactions:DeferAfter"] = "00:00:00.500",
            ["Discord:Interactions:Workers"] = "3",
            ["Discord:ResumeTimeout"] = "00:00:12",
        });

        Assert.Equal(("t", 1459517128704131073UL, 1213418270883971072UL), (options.Token, options.ApplicationId, options.GuildId));
        Assert.Equal((DiscordTransport.Http, new string('a', 64), "http://127.0.0.1:9000"), (options.Transport, options.PublicKey, options.HttpUrls));
        Assert.Equal(("http://127.0.0.1:9001/api/v10", "ws://127.0.0.1:9002/"), (options.ApiBaseUrl, options.GatewayUrl));
        Assert.Equal((GatewayIntents.Guilds, 1, 2), (options.Intents, options.ShardId, options.ShardCount));
        Assert.Equal(("DiscordBot (https://example.org, 2.0)", 2), (options.UserAgent, options.MaxAttempts));
        Assert.Equal(("/in", 2048), (options.HttpPath, options.MaxBodyBytes));
        Assert.Equal((TimeSpan.FromMilliseconds(500), 3), (options.Interactions.DeferAfter, options.Interactions.Workers));
        Assert.Equal(TimeSpan.FromSeconds(12), options.ResumeTimeout);
    }

    [Fact]
    public void The_rest_clients_old_name_for_the_api_url_stops_start_up_naming_the_new_one()
    {
        using var provider = Provider(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "t",
            ["Discord:BaseUrl"] = "http://127.0.0.1:9001/api/v10",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        var line = Assert.Single(failure.Failures);
        Assert.StartsWith("Discord:BaseUrl was renamed Discord:ApiBaseUrl", line, StringComparison.Ordinal);
        Assert.Contains("Discord__ApiBaseUrl", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_part_shares_the_one_binding_so_a_problem_is_told_once()
    {
        using var provider = Provider(new Dictionary<string, string?> { ["Discord:ShardCount"] = "0" });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Equal(2, failure.Failures.Count());
        Assert.Contains(failure.Failures, line => line.StartsWith("Discord:Token is not set.", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, line => line.StartsWith("Discord:ShardCount is 0;", StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_built_by_hand_refuses_unusable_settings_naming_them()
    {
        using var http = new HttpClient();

        var failure = Assert.Throws<InvalidOperationException>(() => new DiscordRestClient(
            http, Options.Create(new DiscordOptions { Token = "t", MaxAttempts = 0 }), new RestRateLimiter(TimeProvider.System), TimeProvider.System, new CapturingLogger<DiscordRestClient>()));

        Assert.Contains("Discord:MaxAttempts is 0", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_file_gives_the_token_without_its_line_break()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("discord-token");
        File.WriteAllText(path, "secret-token-from-a-credential\n");

        var options = Bind(new Dictionary<string, string?> { ["Discord:TokenFile"] = path });

        Assert.Equal("secret-token-from-a-credential", options.Token);
        Assert.Equal("Bot secret-token-from-a-credential", options.AuthorizationHeader);
        Assert.DoesNotContain("secret-token", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_empty_token_file_stops_start_up_naming_the_setting_not_the_token_rule()
    {
        using var folder = new TempFolder();
        var empty = folder.Combine("empty");
        File.WriteAllText(empty, " \n");

        foreach (var (path, says) in new[] { (folder.Combine("absent"), "does not exist"), (empty, "is empty"), (folder.FullPath, "not a regular file") })
        {
            using var provider = Provider(new Dictionary<string, string?> { ["Discord:TokenFile"] = path });

            var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

            var line = Assert.Single(failure.Failures);
            Assert.StartsWith($"Discord:TokenFile is '{path}'", line, StringComparison.Ordinal);
            Assert.Contains(says, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_token_and_a_token_file_together_are_refused_without_showing_either_secret()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("discord-token");
        File.WriteAllText(path, "file-secret");
        using var provider = Provider(new Dictionary<string, string?> { ["Discord:Token"] = "env-secret", ["Discord:TokenFile"] = path });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        var line = Assert.Single(failure.Failures);
        Assert.Equal("Discord:Token and Discord:TokenFile are both set; set only one of them.", line);
        Assert.DoesNotContain("secret", failure.Message, StringComparison.Ordinal);
    }

    private static DiscordOptions Bind(Dictionary<string, string?> settings)
    {
        using var provider = Provider(settings);
        return provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
    }

    /// <summary>Every part of the Discord layer registered, each given the configuration, as a host would.</summary>
    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDiscordOptions(configuration);
        services.AddDiscordGateway(configuration);
        services.AddDiscordInteractions(configuration);
        services.AddDiscordOptions(configuration);
        return services.BuildServiceProvider();
    }
}
