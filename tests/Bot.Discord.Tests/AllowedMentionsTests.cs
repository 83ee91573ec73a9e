using System.Text.Json;
using Bot.Discord.Models.Messages;
using Bot.Discord.Serialization;

namespace Bot.Discord.Tests;

public sealed class AllowedMentionsTests
{
    private static readonly DiscordJson Json = DiscordJson.Default;

    [Fact]
    public void Empty_parse_is_written_as_an_empty_array()
    {
        Assert.Equal("{\"parse\":[]}", JsonSerializer.Serialize(AllowedMentions.None, Json.AllowedMentions));
        Assert.Equal("{\"parse\":[]}", JsonSerializer.Serialize(new AllowedMentions { Parse = [] }, Json.AllowedMentions));
    }

    [Fact]
    public void Unset_parse_is_left_out_so_discord_applies_its_default()
    {
        Assert.Equal("{}", JsonSerializer.Serialize(new AllowedMentions(), Json.AllowedMentions));
    }

    [Fact]
    public void Parse_entries_are_lower_case_names()
    {
        var mentions = new AllowedMentions { Parse = [AllowedMentionType.Users, AllowedMentionType.Everyone], RepliedUser = false };

        var json = JsonSerializer.Serialize(mentions, Json.AllowedMentions);

        Assert.Equal("{\"parse\":[\"users\",\"everyone\"],\"replied_user\":false}", json);
        Assert.Equal(mentions.Parse, JsonSerializer.Deserialize(json, Json.AllowedMentions)!.Parse);
    }

    [Fact]
    public void A_reply_that_echoes_user_text_pings_nobody()
    {
        var request = new CreateFollowupMessageRequest
        {
            Content = "@everyone <@874955302502531078>",
            Flags = MessageFlags.Ephemeral,
            AllowedMentions = AllowedMentions.None,
        };

        var json = JsonSerializer.Serialize(request, Json.CreateFollowupMessageRequest);

        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", json);
        Assert.Contains("\"flags\":64", json);
    }
}
