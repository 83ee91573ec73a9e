using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Discord.Local;
using Bot.Discord.Local.OpenApi;

namespace Bot.Discord.Tests.Rest;

/// <summary>The validator catches what it claims to, on Discord's own schemas: a conformance check that passes everything would prove nothing.</summary>
public sealed class JsonSchemaSubsetValidatorTests
{
    private static readonly JsonSchemaSubsetValidator Validator = new(OpenApiDescription.Root);

    private static JsonElement RequestSchema(string path, string method) =>
        OpenApiDescription.Root.GetProperty("paths").GetProperty(path).GetProperty(method)
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");

    private static JsonElement CreateMessage => RequestSchema("/channels/{channel_id}/messages", "post");

    private static JsonElement Callback => RequestSchema("/interactions/{interaction_id}/{interaction_token}/callback", "post");

    private static JsonElement ScheduledEvent => RequestSchema("/guilds/{guild_id}/scheduled-events", "post");

    private static JsonElement BulkCommands => RequestSchema("/applications/{application_id}/commands", "put");

    private static IReadOnlyList<string> Check(JsonElement schema, string json, JsonSchemaSubsetValidator? validator = null)
    {
        using var document = JsonDocument.Parse(json);
        return (validator ?? Validator).Validate(document.RootElement.Clone(), schema);
    }

    public static TheoryData<string, string, string> Fixtures() => new()
    {
        { "create message", "message_create_buttons_request.json", "/channels/{channel_id}/messages" },
        { "callback", "response_modal_string_select.json", "/interactions/{interaction_id}/{interaction_token}/callback" },
        { "scheduled event", "scheduled_event_create_external_request.json", "/guilds/{guild_id}/scheduled-events" },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Discords_own_examples_fit(string what, string fixture, string path)
    {
        var errors = Check(RequestSchema(path, path.Contains("channels") || path.Contains("guilds") || path.Contains("interactions") ? "post" : "put"), FixtureFiles.Read(fixture));

        Assert.True(errors.Count == 0, $"{what}: {string.Join("\n", errors)}");
    }

    [Theory]
    [InlineData("""{"content": 5}""", "$.content: Number 5 is not")]
    [InlineData("""{"contnet": "typo"}""", "member 'contnet' is not in the schema")]
    [InlineData("""{"content": "x", "message_reference": {"message_id": "12ab"}}""", "does not match ^(0|[1-9][0-9]*)$")]
    [InlineData("""{"embeds": [{}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}]}""", "$.embeds: 11 items, at most 10 allowed")]
    [InlineData("""{"embeds": [{"title": "t", "fields": [{"name": "only a name"}]}]}""", "$.embeds[0].fields[0]: required member 'value' is missing")]
    [InlineData("""{"allowed_mentions": {"parse": ["user"]}}""", "$.allowed_mentions.parse[0]")]
    [InlineData("""{"embeds": [{"color": 16777216}]}""", "above the maximum 16777215")]
    [InlineData("""{"nonce": "an-overly-long-nonce-of-26c"}""", "matches none of the oneOf branches")]
    [InlineData("""{"content": "dup", "allowed_mentions": {"users": ["1", "1"]}}""", "appears more than once")]
    [InlineData("""{"sticker_ids": ["1", "2", "3", "4"]}""", "$.sticker_ids: 4 items, at most 3 allowed")]
    public void A_wrong_message_body_is_caught(string json, string expected)
    {
        var errors = Check(CreateMessage, json);

        Assert.Contains(errors, error => error.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_message_longer_than_the_spec_allows_is_caught_by_code_points()
    {
        Assert.Empty(Check(CreateMessage, new JsonObject { ["content"] = string.Concat(Enumerable.Repeat("🎬", 4000)) }.ToJsonString()));
        Assert.Contains("4001 characters, at most 4000", Assert.Single(Check(CreateMessage, new JsonObject { ["content"] = new string('a', 4001) }.ToJsonString())));
    }

    [Theory]
    [InlineData("""{"type": 3}""")]
    [InlineData("""{"data": {"content": "no type"}}""")]
    [InlineData("""{"type": 4, "data": {"content": "x", "ephemeral": true}}""")]
    [InlineData("""{"type": 8, "data": {"choices": [{"name": "", "value": "v"}]}}""")]
    public void A_wrong_interaction_response_matches_no_callback_schema(string json)
    {
        var errors = Check(Callback, json);

        Assert.Contains(errors, error => error.Contains("matches none of the anyOf branches", StringComparison.Ordinal));
    }

    [Fact]
    public void An_external_event_without_a_location_fits_no_event_schema()
    {
        var errors = Check(ScheduledEvent, """{"name": "Screening", "privacy_level": 2, "scheduled_start_time": "2026-08-07T19:00:00Z", "entity_type": 3}""");

        Assert.Contains(errors, error => error.Contains("required member 'entity_metadata' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_command_name_over_32_characters_is_caught()
    {
        var errors = Check(BulkCommands, $$"""[{"name": "{{new string('a', 33)}}", "description": "d"}]""");

        Assert.Contains("$[0].name: 33 characters, at most 32 allowed.", errors);
    }

    [Fact]
    public void Permission_strings_pass_only_where_the_docs_say_so()
    {
        const string command = """[{"name": "event", "description": "d", "default_member_permissions": "17592186044416"}]""";
        var lenient = new JsonSchemaSubsetValidator(OpenApiDescription.Root) { IntegerAsStringMembers = new HashSet<string> { "default_member_permissions" } };

        Assert.Contains(Check(BulkCommands, command), error => error.Contains("$[0].default_member_permissions: String", StringComparison.Ordinal));
        Assert.Empty(Check(BulkCommands, command, lenient));
        Assert.Contains(
            Check(BulkCommands, """[{"name": "event", "description": "d", "default_member_permissions": "99999999999999999999"}]""", lenient),
            error => error.Contains("above the maximum", StringComparison.Ordinal));
    }

    [Fact]
    public void Nullable_allOf_and_additional_properties_follow_the_documented_rules()
    {
        using var document = JsonDocument.Parse("""
            {
              "components": { "schemas": { "Named": { "type": "object", "properties": { "name": { "type": "string" } }, "required": ["name"] } } },
              "nullableName": { "type": "string", "nullable": true },
              "both": { "allOf": [ { "$ref": "#/components/schemas/Named" }, { "type": "object", "properties": { "age": { "type": "integer" } } } ] },
              "map": { "type": "object", "additionalProperties": { "type": "string", "maxLength": 2 } }
            }
            """);
        var root = document.RootElement;
        var validator = new JsonSchemaSubsetValidator(root);
        IReadOnlyList<string> Run(string schema, string json)
        {
            using var value = JsonDocument.Parse(json);
            return validator.Validate(value.RootElement, root.GetProperty(schema));
        }

        Assert.Empty(Run("nullableName", "null"));
        Assert.Empty(Run("both", """{"name": "Min", "age": 12}"""));
        Assert.Equal(["$: member 'height' is not in the schema."], Run("both", """{"name": "Min", "height": 150}"""));
        Assert.Equal(["$: required member 'name' is missing."], Run("both", """{"age": 12}"""));
        Assert.Empty(Run("map", """{"en-US": "ok"}"""));
        Assert.Equal(["$.fr: 3 characters, at most 2 allowed."], Run("map", """{"fr": "non"}"""));
    }
}
