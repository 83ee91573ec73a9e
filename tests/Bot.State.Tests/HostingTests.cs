using Bot.Commands;
using Bot.State.Hosting;
using Bot.State.Unanswered;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.State.Tests;

public sealed class HostingTests : IDisposable
{
    private readonly StateFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private IHost Build(Action<IServiceCollection>? before = null, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>("Knowledge:DataFolder", _folder.Path), .. settings.Select(s => KeyValuePair.Create<string, string?>(s.Key, s.Value))]);
        builder.Services.AddOptions<Bot.Knowledge.KnowledgeOptions>().Bind(builder.Configuration.GetSection("Knowledge"));
        before?.Invoke(builder.Services);
        builder.Services.AddBotState();
        return builder.Build();
    }

    [Fact]
    public async Task Starting_the_host_creates_the_database_beside_the_index_and_records_through_the_command_contract()
    {
        using var host = Build();
        await host.StartAsync();

        var unanswered = host.Services.GetRequiredService<IUnansweredQuestions>();
        await unanswered.RecordAsync("What year was it released?", "5", CancellationToken.None);

        Assert.IsType<UnansweredQuestionStore>(unanswered);
        Assert.True(File.Exists(_folder.DatabasePath));
        var top = await host.Services.GetRequiredService<UnansweredQuestionStore>().TopUnansweredAsync("5", 10);
        Assert.Equal("What year was it released?", Assert.Single(top).Question);
        await host.StopAsync();
        host.Services.GetRequiredService<StateDatabase>().Dispose();
    }

    [Fact]
    public async Task A_newer_database_stops_start_up_with_a_message_naming_the_file()
    {
        using (var database = _folder.Open())
            await database.MigrateAsync();
        _folder.Execute($"PRAGMA user_version = {Bot.State.Migrations.StateSchema.Migrations[^1].Version + 1}");

        using var host = Build();
        var error = await Assert.ThrowsAsync<StateDatabaseException>(() => host.StartAsync());

        Assert.Contains(_folder.DatabasePath, error.Message);
        Assert.Contains("newer", error.Message);
    }

    [Fact]
    public async Task A_corrupt_database_stops_start_up_with_a_message_naming_the_file()
    {
        Directory.CreateDirectory(_folder.Path);
        await File.WriteAllTextAsync(_folder.DatabasePath, new string('#', 5000));

        using var host = Build();
        var error = await Assert.ThrowsAsync<StateDatabaseException>(() => host.StartAsync());

        Assert.Contains(_folder.DatabasePath, error.Message);
        Assert.Contains("not a SQLite database", error.Message);
    }

    [Theory]
    [InlineData("soon", "State:BusyTimeout is 'soon'")]
    [InlineData("00:00:00", "State:BusyTimeout is 00:00:00")]
    [InlineData("01:00:00", "State:BusyTimeout is 01:00:00")]
    public async Task A_bad_busy_timeout_stops_start_up_naming_the_setting(string value, string expected)
    {
        using var host = Build(null, ("State:BusyTimeout", value));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal) && f.Contains("State__BusyTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_folder_where_the_file_should_be_stops_start_up()
    {
        Directory.CreateDirectory(_folder.DatabasePath);
        using var host = Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains(_folder.DatabasePath, StringComparison.Ordinal));
    }

    [Fact]
    public void The_store_replaces_a_no_op_registered_before_and_a_later_try_add_keeps_it()
    {
        using var before = Build(s => s.AddSingleton<IUnansweredQuestions, NoOp>());
        Assert.IsType<UnansweredQuestionStore>(before.Services.GetRequiredService<IUnansweredQuestions>());
        Assert.Single(before.Services.GetServices<IUnansweredQuestions>());

        var services = new ServiceCollection().AddBotState();
        services.TryAddSingleton<IUnansweredQuestions, NoOp>();
        Assert.Single(services, d => d.ServiceType == typeof(IUnansweredQuestions));
        Assert.Equal(services.Count, new ServiceCollection().AddBotState().AddBotState().Count);
    }

    private sealed class NoOp : IUnansweredQuestions
    {
        public ValueTask RecordAsync(string question, string? guildId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
