using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Http.Tests;

public sealed class OptionsTests
{
    private const string GoodKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = new DiscordOptions();

        Assert.Equal("/interactions", options.HttpPath);
        Assert.Equal("/healthz", options.HealthPath);
        Assert.Equal(65536, options.MaxBodyBytes);
        Assert.Equal(TimeSpan.FromMinutes(5), options.MaxClockSkew);
        Assert.Equal(TimeSpan.FromSeconds(3), options.InitialResponseTimeout);
        options.Transport = DiscordTransport.Http;
        options.PublicKey = GoodKey;
        Assert.Empty(new DiscordOptionsValidator().Validate(null, options).Failures ?? []);
    }

    public static TheoryData<string, string> BadSettings => new()
    {
        { "PublicKey=", "Discord:PublicKey is unusable: the public key is empty" },
        { "PublicKey=abc", "Discord:PublicKey is unusable: the public key has 3 characters" },
        { "PublicKey=" + GoodKey.Replace('d', 'g'), "Discord:PublicKey is unusable: the public key has a character that is not hexadecimal" },
        { "HttpPath=interactions", "Discord:HttpPath 'interactions' must be a path starting with '/'" },
        { "HttpPath=/interactions/{id}", "Discord:HttpPath '/interactions/{id}' must be a path" },
        { "HealthPath=", "Discord:HealthPath '' must be a path" },
        { "HealthPath=/interactions", "Discord:HttpPath and Discord:HealthPath are both '/interactions'" },
        { "MaxBodyBytes=0", "Discord:MaxBodyBytes is 0; it must be between 1024 and 16777216" },
        { "MaxClockSkew=00:00:00", "Discord:MaxClockSkew is 00:00:00; it must be above 0" },
        { "MaxClockSkew=02:00:00", "Discord:MaxClockSkew is 02:00:00" },
        { "InitialResponseTimeout=00:00:04", "Discord:InitialResponseTimeout is 00:00:04; it must be above 0 and at most Discord's 00:00:03 window" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_up_stops_on_a_bad_setting_with_a_message_naming_it(string setting, string expected)
    {
        var (name, value) = (setting[..setting.IndexOf('=')], setting[(setting.IndexOf('=') + 1)..]);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = GoodKey,
            ["Discord:" + name] = value,
        });
        builder.Services.AddSingleton<IReadinessCheck>(new SwitchableReadiness());
        builder.Services.AddSingleton<InteractionDispatch>((_, _, _) => Task.CompletedTask);
        builder.Services.AddDiscordHttpInteractions(builder.Configuration);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            app.MapDiscordInteractions();
            await app.StartAsync();
        });

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_without_AddDiscordHttpInteractions_or_a_readiness_check_says_what_is_missing()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        await using (var bare = builder.Build())
        {
            var error = Assert.Throws<InvalidOperationException>(() => bare.MapDiscordInteractions());
            Assert.Contains("AddDiscordHttpInteractions", error.Message, StringComparison.Ordinal);
        }

        builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:PublicKey"] = GoodKey });
        builder.Services.AddSingleton<InteractionDispatch>((_, _, _) => Task.CompletedTask);
        builder.Services.AddDiscordHttpInteractions(builder.Configuration);
        await using var withoutReadiness = builder.Build();
        var missing = Assert.Throws<InvalidOperationException>(() => withoutReadiness.MapDiscordInteractions());
        Assert.Contains(nameof(IReadinessCheck), missing.Message, StringComparison.Ordinal);
    }
}
