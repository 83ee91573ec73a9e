using Bot.Discord.Interactions;
using Bot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Tests.Interactions;

public sealed class InteractionOptionsTests
{
    [Fact]
    public void The_defaults_are_usable()
    {
        var options = new InteractionOptions();

        Assert.Empty(Problems(options));
        Assert.Equal(TimeSpan.FromSeconds(1), options.DeferAfter);
        Assert.InRange(options.Workers, 4, 16);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxQueueDelay);
        Assert.Equal(3, options.MaxQueuedPerMember);
        Assert.Null(options.ApplicationId);
    }

    [Theory]
    [InlineData("00:00:00.500")]
    [InlineData("00:10:01")]
    [InlineData("-00:00:01")]
    public void A_queue_budget_out_of_range_is_refused_by_name(string maxQueueDelay)
    {
        var problem = Assert.Single(Problems(new InteractionOptions { MaxQueueDelay = TimeSpan.Parse(maxQueueDelay, System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Contains("Discord:Interactions:MaxQueueDelay", problem, StringComparison.Ordinal);
        Assert.Contains("15 minutes", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void A_per_member_cap_out_of_range_is_refused_by_name(int cap)
    {
        var problem = Assert.Single(Problems(new InteractionOptions { MaxQueuedPerMember = cap }));

        Assert.Contains("Discord:Interactions:MaxQueuedPerMember", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_queue_settings_are_bound_from_configuration()
    {
        using var provider = Services(new()
        {
            ["Discord:Interactions:MaxQueueDelay"] = "00:01:00",
            ["Discord:Interactions:MaxQueuedPerMember"] = "5",
        }).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value.Interactions;

        Assert.Equal(TimeSpan.FromMinutes(1), options.MaxQueueDelay);
        Assert.Equal(5, options.MaxQueuedPerMember);
    }

    [Theory]
    [InlineData("00:00:03")]
    [InlineData("00:00:05")]
    [InlineData("-00:00:00.100")]
    public void Defer_after_outside_the_3_second_window_is_refused_by_name(string deferAfter)
    {
        var problems = Problems(new InteractionOptions { DeferAfter = TimeSpan.Parse(deferAfter, System.Globalization.CultureInfo.InvariantCulture) });

        var problem = Assert.Single(problems);
        Assert.Contains("Discord:Interactions:DeferAfter", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Defer_after_just_inside_the_window_is_accepted()
    {
        Assert.Empty(Problems(new InteractionOptions { DeferAfter = TimeSpan.FromMilliseconds(2999) }));
        Assert.Empty(Problems(new InteractionOptions { DeferAfter = TimeSpan.Zero }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(InteractionOptions.MaxWorkers + 1)]
    public void A_worker_count_out_of_range_is_refused_by_name(int workers)
    {
        var problem = Assert.Single(Problems(new InteractionOptions { Workers = workers }));

        Assert.Contains("Discord:Interactions:Workers", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configuration_section_is_bound_and_a_bad_value_fails_naming_the_setting()
    {
        using var provider = Services(new()
        {
            ["Discord:Interactions:DeferAfter"] = "00:00:03",
        }).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value.Interactions);

        Assert.Contains("Discord:Interactions:DeferAfter", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_host_at_start_up()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Interactions:DeferAfter"] = "00:00:04" });
        builder.Services.AddDiscordRest(options => options.Token = "test-token");
        builder.Services.AddSingleton<IInteractionHandler>(new TestInteractionHandler());
        builder.Services.AddDiscordInteractions(builder.Configuration);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("DeferAfter", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Everything_is_registered_once_with_the_configured_values()
    {
        var services = Services(new()
        {
            ["Discord:ApplicationId"] = "1459517128704131073",
            ["Discord:Interactions:DeferAfter"] = "00:00:00.500",
            ["Discord:Interactions:Workers"] = "3",
        });
        services.AddDiscordInteractions(new ConfigurationBuilder().Build()); // a second call adds nothing
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value.Interactions;
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.DeferAfter);
        Assert.Equal(3, options.Workers);
        Assert.Equal(1459517128704131073UL, options.ApplicationId);
        Assert.Same(provider.GetRequiredService<InteractionQueue>(), provider.GetRequiredService<InteractionQueue>());
        Assert.Same(provider.GetRequiredService<InteractionDispatcher>(), provider.GetRequiredService<InteractionDispatcher>());
        Assert.NotNull(provider.GetRequiredService<RestInitialResponder>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Single(provider.GetServices<IHostedService>().OfType<InteractionWorkers>());
    }

    [Fact]
    public void An_application_id_in_the_section_wins_over_the_hosts()
    {
        using var provider = Services(new()
        {
            ["Discord:ApplicationId"] = "1",
            ["Discord:Interactions:ApplicationId"] = "2",
        }).BuildServiceProvider();

        Assert.Equal(2UL, provider.GetRequiredService<IOptions<DiscordOptions>>().Value.Interactions.ApplicationId);
    }

    private static IReadOnlyList<string> Problems(InteractionOptions options) =>
        DiscordOptionsTests.Problems(new DiscordOptions { Interactions = options });

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDiscordRest(options => options.Token = "test-token");
        services.AddSingleton<IInteractionHandler>(new TestInteractionHandler());
        services.AddDiscordInteractions(configuration);
        return services;
    }
}
