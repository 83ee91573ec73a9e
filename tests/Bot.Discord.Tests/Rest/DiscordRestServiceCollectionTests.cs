using Bot.Discord.Rest;
using Bot.Discord.Rest.RateLimits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Tests.Rest;

public sealed class DiscordRestServiceCollectionTests
{
    [Fact]
    public async Task Every_client_from_the_container_shares_one_rate_limiter()
    {
        await using var harness = await RestHarness.StartAsync();
        var services = new ServiceCollection();
        services.AddDiscordRest(options => (options.ApiBaseUrl, options.Token) = (harness.Server.BaseUrl, harness.Server.Token));
        await using var provider = services.BuildServiceProvider();

        var limiter = provider.GetRequiredService<RestRateLimiter>();
        var first = provider.GetRequiredService<DiscordRestClient>();
        var second = provider.GetRequiredService<DiscordRestClient>();

        Assert.NotSame(first, second); // typed clients are transient
        Assert.True((await first.GetGatewayBotAsync()).IsSuccess);
        var afterFirst = limiter.BucketCount;
        Assert.True((await second.CreateMessageAsync(1, TestModels.Hello)).IsSuccess);

        Assert.True(afterFirst > 0, "the first client's call went through the shared limiter");
        Assert.True(limiter.BucketCount > afterFirst, "the second client's call went through the same limiter");
        Assert.Same(limiter, provider.GetRequiredService<RestRateLimiter>());
    }

    [Fact]
    public void Missing_settings_fail_with_a_message_naming_them_and_never_the_token()
    {
        var services = new ServiceCollection();
        services.AddDiscordRest(options => (options.Token, options.UserAgent) = ("secret-token-value", "curl/8"));
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("Discord:UserAgent", failure.Message);
        Assert.DoesNotContain("secret-token-value", failure.Message);
    }
}
