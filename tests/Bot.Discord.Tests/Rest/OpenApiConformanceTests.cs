using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Discord.Local;
using Bot.Discord.Local.OpenApi;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.Discord.Models.ScheduledEvents;
using Bot.Discord.Rest;
using Bot.Discord.Serialization;

namespace Bot.Discord.Tests.Rest;

/// <summary>
/// Every route in <see cref="DiscordRoutes"/> exists in Discord's OpenAPI description with the same method,
/// operationId, query parameters and authentication; and the bodies the client really sends (fixtures read
/// into the wire models, sent through <see cref="DiscordRestClient"/> to the local Discord and captured
/// there) fit the operation's <c>requestBody</c> schema, checked by <see cref="JsonSchemaSubsetValidator"/>.
/// </summary>
public sealed class OpenApiConformanceTests
{
    /// <summary>
    /// Where the spec and the docs disagree and we follow the docs (the spec calls itself a preview):
    /// permission bitsets are decimal strings in the docs (PROTOCOL.md §6.1, §11), integers in the spec.
    /// </summary>
    private static readonly HashSet<string> IntegerAsStringMembers = ["default_member_permissions"];

    public static TheoryData<string> RouteNames() => new(DiscordRoutes.All.Select(route => route.OperationId));

    [Theory]
    [MemberData(nameof(RouteNames))]
    public void The_route_exists_in_discords_openapi_description(string operationId)
    {
        var route = DiscordRoutes.All.Single(r => r.OperationId == operationId);

        var path = OpenApiDescription.FindPath(route.Template);
        Assert.True(path is not null, $"{route.Template} is not a path of {OpenApiDescription.FilePath}");
        var found = OpenApiDescription.Operation(path, route.Method);
        Assert.True(found is not null, $"{path} has no {route.Method.Method}");
        var operation = found.Value;
        Assert.Equal(route.OperationId, operation.GetProperty("operationId").GetString());

        var queryNames = operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()).ToHashSet()
            : [];
        Assert.All(route.QueryParameters, name => Assert.Contains(name, queryNames));

        var security = operation.GetProperty("security").EnumerateArray().ToArray();
        if (route.Auth == RouteAuth.BotToken)
        {
            Assert.Contains(security, requirement => requirement.TryGetProperty("BotToken", out _));
        }
        else
        {
            Assert.Contains(security, requirement => !requirement.EnumerateObject().Any()); // {}: no credentials needed
        }

        Assert.Equal(route.HasJsonBody, operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out _));
    }

    [Fact]
    public void The_pin_route_is_the_current_one_not_the_deprecated_one()
    {
        Assert.Equal("/channels/{channel_id}/messages/pins/{message_id}", DiscordRoutes.PinMessage.Template);
        Assert.NotNull(OpenApiDescription.FindPath("/channels/{channel_id}/pins/{message_id}")); // still served, deprecated
    }

    [Fact]
    public void Every_route_in_the_table_has_a_body_sample()
    {
        var sampled = Samples.Select(sample => sample.Route).ToHashSet();

        Assert.All(DiscordRoutes.All, route => Assert.Contains(route, sampled));
    }

    public static TheoryData<string> SampleNames() => new(Samples.Select(sample => sample.Name));

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task What_the_client_sends_fits_the_operations_schema(string name)
    {
        var sample = Samples.Single(s => s.Name == name);
        await using var harness = await RestHarness.StartAsync();

        var succeeded = await sample.Call(harness);

        Assert.True(succeeded, $"the local Discord refused the sample: {string.Join(", ", harness.Server.Requests)}");
        var sent = harness.Server.Requests.Where(request => request.Operation == sample.Route.OperationId).ToArray();
        Assert.NotEmpty(sent);
        var validator = new JsonSchemaSubsetValidator(OpenApiDescription.Root) { IntegerAsStringMembers = IntegerAsStringMembers };
        foreach (var request in harness.Server.Requests)
        {
            var route = DiscordRoutes.All.SingleOrDefault(r => r.Method.Method == request.Method && TemplatePattern(r).IsMatch(request.Path));
            Assert.True(route is not null, $"{request.Method} {request.Path} is not a route of DiscordRoutes");
            Assert.All(QueryNames(request.Query), query => Assert.Contains(query, route.QueryParameters));
            if (!route.HasJsonBody)
            {
                Assert.Equal("", request.Body);
                continue;
            }

            var schema = OpenApiDescription.Operation(OpenApiDescription.FindPath(route.Template)!, route.Method)!.Value
                .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            using var body = JsonDocument.Parse(request.Body);
            var errors = validator.Validate(body.RootElement, schema);
            Assert.True(errors.Count == 0, $"{route}: body does not fit the schema:\n{string.Join("\n", errors)}\nbody: {request.Body}");
        }
    }

    private static Regex TemplatePattern(DiscordRoute route) =>
        new("^" + Regex.Replace(Regex.Escape(route.Template), @"\\\{[a-z_]+}", "[^/]+") + "$");

    private static IEnumerable<string> QueryNames(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => Uri.UnescapeDataString(pair.Split('=')[0]));

    private sealed record Sample(string Name, DiscordRoute Route, Func<RestHarness, Task<bool>> Call);

    private static T Read<T>(string fixture, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(FixtureFiles.Read(fixture), typeInfo)!;

    private static async Task<bool> Answered(RestHarness harness, InteractionResponse response)
    {
        var (id, token) = harness.Server.NewInteraction();
        return (await harness.Client.CreateInteractionResponseAsync(id, token, response)).IsSuccess;
    }

    /// <summary>A deferred interaction, so its webhook routes have an original response to act on.</summary>
    private static async Task<string> Deferred(RestHarness harness)
    {
        var (id, token) = harness.Server.NewInteraction();
        Assert.True((await harness.Client.CreateInteractionResponseAsync(id, token, InteractionResponse.DeferredChannelMessage(ephemeral: true))).IsSuccess);
        return token;
    }

    private static readonly string[] CallbackFixtures =
    [
        "response_pong.json", "response_channel_message.json", "response_ephemeral_message.json", "response_deferred_ephemeral.json",
        "response_deferred_update_message.json", "response_update_message.json", "response_autocomplete_result.json", "response_modal_string_select.json",
    ];

    private static readonly string[] MessageFixtures =
    [
        "message_create_basic.json", "message_allowed_mentions_suppress.json", "message_create_buttons_request.json",
        "message_legacy_components.json", "message_v2_action_row_buttons.json", "message_v2_string_select.json",
    ];

    private static readonly IReadOnlyList<Sample> Samples =
    [
        new("gateway bot", DiscordRoutes.GetGatewayBot, async h => (await h.Client.GetGatewayBotAsync()).IsSuccess),
        new("list global commands with localizations", DiscordRoutes.ListApplicationCommands,
            async h => (await h.Client.GetGlobalCommandsAsync(h.Server.ApplicationId, withLocalizations: true)).IsSuccess),
        new("bulk overwrite global commands (fixture)", DiscordRoutes.BulkOverwriteApplicationCommands,
            async h => (await h.Client.BulkOverwriteGlobalCommandsAsync(h.Server.ApplicationId, Read("application_commands_bulk_overwrite_request.json", DiscordJson.Default.IReadOnlyListApplicationCommand))).IsSuccess),
        new("bulk overwrite global commands (docs examples)", DiscordRoutes.BulkOverwriteApplicationCommands,
            async h => (await h.Client.BulkOverwriteGlobalCommandsAsync(
                h.Server.ApplicationId,
                [.. new[] { "application_command_blep.json", "application_command_localized.json", "application_command_default_permissions.json" }
                    .Select(f => Read(f, DiscordJson.Default.ApplicationCommand))])).IsSuccess),
        new("list guild commands", DiscordRoutes.ListGuildApplicationCommands,
            async h => (await h.Client.GetGuildCommandsAsync(h.Server.ApplicationId, 1213418019225731074)).IsSuccess),
        new("bulk overwrite guild commands", DiscordRoutes.BulkOverwriteGuildApplicationCommands,
            async h => (await h.Client.BulkOverwriteGuildCommandsAsync(h.Server.ApplicationId, 1213418019225731074, Read("application_commands_bulk_overwrite_request.json", DiscordJson.Default.IReadOnlyListApplicationCommand))).IsSuccess),
        .. CallbackFixtures.Select(fixture => new Sample($"interaction callback {fixture}", DiscordRoutes.CreateInteractionResponse,
            h => Answered(h, Read(fixture, DiscordJson.Default.InteractionResponse)))),
        new("interaction callback with_response", DiscordRoutes.CreateInteractionResponse, async h =>
        {
            var (id, token) = h.Server.NewInteraction();
            var result = await h.Client.CreateInteractionResponseWithCallbackAsync(id, token, Read("response_channel_message.json", DiscordJson.Default.InteractionResponse));
            return result.IsSuccess && result.Value.Resource?.Message is not null;
        }),
        new("edit original response", DiscordRoutes.EditOriginalInteractionResponse, async h =>
            (await h.Client.EditOriginalResponseAsync(h.Server.ApplicationId, await Deferred(h), Read("edit_original_response_request.json", DiscordJson.Default.EditWebhookMessageRequest))).IsSuccess),
        new("get original response", DiscordRoutes.GetOriginalInteractionResponse, async h =>
            (await h.Client.GetOriginalResponseAsync(h.Server.ApplicationId, await Deferred(h))).IsSuccess),
        new("delete original response", DiscordRoutes.DeleteOriginalInteractionResponse, async h =>
            (await h.Client.DeleteOriginalResponseAsync(h.Server.ApplicationId, await Deferred(h))).IsSuccess),
        new("follow-up message", DiscordRoutes.CreateFollowupMessage, async h =>
            (await h.Client.CreateFollowupMessageAsync(h.Server.ApplicationId, await Deferred(h), Read("followup_message_request.json", DiscordJson.Default.CreateFollowupMessageRequest))).IsSuccess),
        new("pin a message", DiscordRoutes.PinMessage, async h => (await h.Client.PinMessageAsync(1213418270883971075, 1533158394691715084, "pinned by /pin")).IsSuccess),
        new("scheduled event, external", DiscordRoutes.CreateGuildScheduledEvent, async h =>
            (await h.Client.CreateGuildScheduledEventAsync(1213418019225731074, Read("scheduled_event_create_external_request.json", DiscordJson.Default.CreateGuildScheduledEventRequest))).IsSuccess),
        new("scheduled event, voice", DiscordRoutes.CreateGuildScheduledEvent, async h =>
            (await h.Client.CreateGuildScheduledEventAsync(1213418019225731074, Read("scheduled_event_create_voice_request.json", DiscordJson.Default.CreateGuildScheduledEventRequest))).IsSuccess),
        .. MessageFixtures.Select(fixture => new Sample($"create message {fixture}", DiscordRoutes.CreateMessage,
            async h => (await h.Client.CreateMessageAsync(1213418270883971075, Read(fixture, DiscordJson.Default.CreateMessageRequest))).IsSuccess)),
        new("create message built in code", DiscordRoutes.CreateMessage, async h => (await h.Client.CreateMessageAsync(1213418270883971075, new CreateMessageRequest
        {
            Content = "Tonight: **Beyond Utopia** (2023), dir. Madeleine Gavin.",
            Embeds = [new Embed { Title = "Film night", Description = "Doors at 19:00", Color = 0x5865F2, Timestamp = DateTimeOffset.Parse("2026-08-07T19:00:00Z", CultureInfo.InvariantCulture), Fields = [new EmbedField { Name = "Where", Value = "Community hall", Inline = true }] }],
            AllowedMentions = AllowedMentions.None,
            MessageReference = new MessageReference { MessageId = 1533158394691715084 },
            Flags = MessageFlags.SuppressNotifications,
        })).IsSuccess),
        new("scheduled event built in code", DiscordRoutes.CreateGuildScheduledEvent, async h => (await h.Client.CreateGuildScheduledEventAsync(1213418019225731074, new CreateGuildScheduledEventRequest
        {
            Name = "Beyond Utopia screening",
            EntityType = GuildScheduledEventEntityType.External,
            ScheduledStartTime = DateTimeOffset.Parse("2026-08-07T19:00:00Z", CultureInfo.InvariantCulture),
            ScheduledEndTime = DateTimeOffset.Parse("2026-08-07T21:00:00Z", CultureInfo.InvariantCulture),
            EntityMetadata = new GuildScheduledEventEntityMetadata { Location = "Community hall" },
        })).IsSuccess),
        new("commands built in code", DiscordRoutes.BulkOverwriteApplicationCommands, async h => (await h.Client.BulkOverwriteGlobalCommandsAsync(h.Server.ApplicationId,
        [
            new ApplicationCommand
            {
                Name = "ask",
                Description = "Ask a question about Beyond Utopia",
                Type = ApplicationCommandType.ChatInput,
                Options = [new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "question", Description = "Your question", Required = true, MaxLength = 300 }],
                Contexts = new List<InteractionContextType> { InteractionContextType.Guild, InteractionContextType.BotDM },
            },
        ])).IsSuccess),
    ];
}
