using System.Globalization;
using Bot.Discord.Local;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Rest;

/// <summary>Expected failures come back as named outcomes, after exactly one request (4xx are never retried).</summary>
public sealed class RestOutcomeTests
{
    [Fact]
    public async Task Answering_an_interaction_after_three_seconds_is_an_unknown_interaction()
    {
        await using var harness = await RestHarness.StartAsync(new FakeTimeProvider(DateTimeOffset.Parse("2026-08-07T19:00:00Z", CultureInfo.InvariantCulture)));
        var (id, token) = harness.Server.NewInteraction();
        harness.FakeTime.Advance(TimeSpan.FromSeconds(4));

        var result = await harness.Client.CreateInteractionResponseAsync(id, token, TestModels.Reply);

        Assert.Equal(DiscordRestErrorKind.UnknownInteraction, result.Error?.Kind);
        Assert.Equal(10062, result.Error!.Code);
        Assert.Equal(404, result.Error.HttpStatus);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task Answering_an_interaction_twice_is_already_acknowledged()
    {
        await using var harness = await RestHarness.StartAsync();
        var (id, token) = harness.Server.NewInteraction();

        var first = await harness.Client.CreateInteractionResponseAsync(id, token, InteractionResponse.DeferredChannelMessage(ephemeral: false));
        var second = await harness.Client.CreateInteractionResponseAsync(id, token, TestModels.Reply);

        Assert.True(first.IsSuccess, first.ToString());
        Assert.Equal(DiscordRestErrorKind.AlreadyAcknowledged, second.Error?.Kind);
        Assert.Equal(40060, second.Error!.Code);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task Sending_where_the_bot_lacks_a_permission_is_missing_permissions()
    {
        await using var harness = await RestHarness.StartAsync();
        harness.Server.DenyPermissionIn(42);

        var result = await harness.Client.PinMessageAsync(42, 1533158394691715084);

        Assert.Equal(DiscordRestErrorKind.MissingPermissions, result.Error?.Kind);
        Assert.Equal((403, 50013), (result.Error!.HttpStatus, result.Error.Code));
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task Sending_to_a_channel_the_bot_cannot_see_is_missing_access()
    {
        await using var harness = await RestHarness.StartAsync();
        harness.Server.HideChannel(43);

        var result = await harness.Client.CreateMessageAsync(43, TestModels.Hello);

        Assert.Equal(DiscordRestErrorKind.MissingAccess, result.Error?.Kind);
        Assert.Equal((403, 50001), (result.Error!.HttpStatus, result.Error.Code));
        Assert.Single(harness.Server.Requests);
    }

    public static TheoryData<string, string, DiscordRestErrorKind, int, int> ScriptedFailures() => new()
    {
        { "create_interaction_response", nameof(LocalDiscordResponses.UnknownInteraction), DiscordRestErrorKind.UnknownInteraction, 404, 10062 },
        { "create_interaction_response", nameof(LocalDiscordResponses.AlreadyAcknowledged), DiscordRestErrorKind.AlreadyAcknowledged, 400, 40060 },
        { "create_message", nameof(LocalDiscordResponses.MissingPermissions), DiscordRestErrorKind.MissingPermissions, 403, 50013 },
        { "create_message", nameof(LocalDiscordResponses.MissingAccess), DiscordRestErrorKind.MissingAccess, 403, 50001 },
        { "create_message", nameof(LocalDiscordResponses.UnknownChannel), DiscordRestErrorKind.NotFound, 404, 10003 },
        { "create_message", nameof(LocalDiscordResponses.NotFound), DiscordRestErrorKind.NotFound, 404, 0 },
        { "create_pin", nameof(LocalDiscordResponses.MaximumPins), DiscordRestErrorKind.Other, 400, 30003 },
        { "create_message", nameof(LocalDiscordResponses.InternalServerError), DiscordRestErrorKind.ServerError, 500, 0 },
    };

    [Theory]
    [MemberData(nameof(ScriptedFailures))]
    public async Task Each_known_failure_is_a_named_outcome_after_one_request(string operation, string response, DiscordRestErrorKind kind, int status, int code)
    {
        await using var harness = await RestHarness.StartAsync();
        var scripted = (ScriptedResponse)typeof(LocalDiscordResponses).GetMethod(response)!.Invoke(null, null)!;
        harness.Server.Script(operation, scripted, times: 5);
        var (id, token) = harness.Server.NewInteraction();

        var error = operation switch
        {
            "create_interaction_response" => (await harness.Client.CreateInteractionResponseAsync(id, token, TestModels.Reply)).Error,
            "create_pin" => (await harness.Client.PinMessageAsync(7, 8)).Error,
            _ => (await harness.Client.CreateMessageAsync(7, TestModels.Hello)).Error,
        };

        Assert.NotNull(error);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal(code, error.Code);
        Assert.Equal(1, error.Attempts);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task An_invalid_form_body_carries_discords_errors_element()
    {
        await using var harness = await RestHarness.StartAsync();
        harness.Server.Script("bulk_set_application_commands", LocalDiscordResponses.InvalidFormBody("error_50035_request.json"));

        var result = await harness.Client.BulkOverwriteGlobalCommandsAsync(harness.Server.ApplicationId, [new ApplicationCommand { Name = "ask", Description = "Ask" }]);

        Assert.Equal(DiscordRestErrorKind.InvalidFormBody, result.Error?.Kind);
        Assert.Equal("Invalid Form Body", result.Error!.Message);
        var (path, errorCode, message) = Assert.Single(result.Error.FormErrors());
        Assert.Equal(("", "APPLICATION_COMMAND_TOO_LARGE", "Command exceeds maximum size (8000)"), (path, errorCode, message));
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task A_command_without_a_name_is_rejected_with_the_field_path()
    {
        await using var harness = await RestHarness.StartAsync();

        var result = await harness.Client.BulkOverwriteGuildCommandsAsync(
            harness.Server.ApplicationId,
            1213418019225731074,
            [new ApplicationCommand { Name = "ask", Description = "Ask about the film" }, new ApplicationCommand { Description = "No name" }]);

        Assert.Equal(DiscordRestErrorKind.InvalidFormBody, result.Error?.Kind);
        Assert.Equal("1.name", Assert.Single(result.Error!.FormErrors()).Path);
    }

    [Fact]
    public async Task A_rejected_bot_token_stops_further_bot_calls_without_reaching_discord()
    {
        await using var harness = await RestHarness.StartAsync(configure: options => options.Token = "not-the-token");

        var first = await harness.Client.GetGatewayBotAsync();
        var second = await harness.Client.CreateMessageAsync(1, TestModels.Hello);
        var (id, token) = harness.Server.NewInteraction();
        var callback = await harness.Client.CreateInteractionResponseAsync(id, token, TestModels.Reply);

        Assert.Equal(DiscordRestErrorKind.Unauthorized, first.Error?.Kind);
        Assert.Equal(401, first.Error!.HttpStatus);
        Assert.Equal(DiscordRestErrorKind.Unauthorized, second.Error?.Kind);
        Assert.Equal(0, second.Error!.Attempts);
        Assert.True(callback.IsSuccess, "Interaction routes do not use the bot token.");
        Assert.Equal(["get_bot_gateway", "create_interaction_response"], harness.Server.Requests.Select(r => r.Operation));
        Assert.Contains(harness.Logs.Entries, entry => entry.Level == Microsoft.Extensions.Logging.LogLevel.Error && entry.Message.Contains("401"));
    }

    [Fact]
    public async Task A_success_body_that_is_not_the_expected_json_is_an_invalid_response()
    {
        await using var harness = await RestHarness.StartAsync();
        harness.Server.Script("get_bot_gateway", new ScriptedResponse(200, "<html>maintenance</html>", "text/html"));

        var result = await harness.Client.GetGatewayBotAsync();

        Assert.Equal(DiscordRestErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task A_deferred_reply_is_completed_by_editing_the_original_then_followed_up()
    {
        await using var harness = await RestHarness.StartAsync();
        var (id, token) = harness.Server.NewInteraction();
        var app = harness.Server.ApplicationId;

        var deferred = await harness.Client.CreateInteractionResponseWithCallbackAsync(id, token, InteractionResponse.DeferredChannelMessage(ephemeral: true));
        var edited = await harness.Client.EditOriginalResponseAsync(app, token, new() { Content = "Beyond Utopia premiered at Sundance in 2023." });
        var followup = await harness.Client.CreateFollowupMessageAsync(app, token, new() { Content = "Sources: the film's press kit.", Flags = Models.Messages.MessageFlags.Ephemeral });
        var deleted = await harness.Client.DeleteOriginalResponseAsync(app, token);
        var deletedAgain = await harness.Client.DeleteOriginalResponseAsync(app, token);

        Assert.True(deferred.IsSuccess, deferred.ToString());
        Assert.True(deferred.Value.Interaction.ResponseMessageLoading);
        Assert.True(deferred.Value.Interaction.ResponseMessageEphemeral);
        Assert.True(edited.IsSuccess, edited.ToString());
        Assert.Equal("Beyond Utopia premiered at Sundance in 2023.", edited.Value.Content);
        Assert.Equal(Models.Messages.MessageFlags.Ephemeral, edited.Value.Flags);
        Assert.True(followup.IsSuccess, followup.ToString());
        Assert.Equal(Models.Messages.MessageFlags.Ephemeral, followup.Value.Flags);
        Assert.True(deleted.IsSuccess, deleted.ToString());
        Assert.Equal(DiscordRestErrorKind.NotFound, deletedAgain.Error?.Kind);
        Assert.Equal(10008, deletedAgain.Error!.Code);
    }
}
