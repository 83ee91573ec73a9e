using System.Text.Json;
using Bot.Discord.Models;
using Bot.Discord.Models.Commands;
using Bot.Discord.Serialization;

namespace Bot.Discord.Tests;

public sealed class PermissionsTests
{
    private static readonly DiscordJson Json = DiscordJson.Default;

    [Fact]
    public void Permissions_string_parses_into_flags()
    {
        // The member permissions of the interaction fixtures: VIEW_CHANNEL, SEND_MESSAGES, … CREATE_EVENTS.
        var member = JsonSerializer.Deserialize("{\"permissions\":\"17602923531264\"}", Json.GuildMember)!;

        Assert.Equal((Permissions)17602923531264UL, member.Permissions);
        Assert.True(member.Permissions!.Value.HasFlag(Permissions.CreateEvents));
        Assert.True(member.Permissions.Value.HasFlag(Permissions.SendMessages));
        Assert.False(member.Permissions.Value.HasFlag(Permissions.Administrator));
    }

    [Fact]
    public void Permissions_are_written_as_a_decimal_string()
    {
        var command = new ApplicationCommand { Name = "pin", DefaultMemberPermissions = Permissions.PinMessages };

        var json = JsonSerializer.Serialize(command, Json.ApplicationCommand);

        Assert.Contains("\"default_member_permissions\":\"2251799813685248\"", json);
    }

    [Fact]
    public void Bits_above_2_pow_53_survive_exactly()
    {
        const string bits = "9223372036854775809"; // 1<<63 | 1

        var role = JsonSerializer.Deserialize($"{{\"permissions\":\"{bits}\"}}", Json.Role)!;

        Assert.Equal((Permissions)((1UL << 63) | 1), role.Permissions);
        Assert.Contains($"\"permissions\":\"{bits}\"", JsonSerializer.Serialize(role, Json.Role));
    }

    [Fact]
    public void A_number_is_accepted_and_bits_beyond_64_are_dropped_rather_than_failing()
    {
        var fromNumber = JsonSerializer.Deserialize("{\"permissions\":2048}", Json.GuildMember)!;
        var tooWide = JsonSerializer.Deserialize("{\"permissions\":\"36893488147419103232\"}", Json.GuildMember)!; // 1<<65

        Assert.Equal(Permissions.SendMessages, fromNumber.Permissions);
        Assert.Equal(Permissions.None, tooWide.Permissions);
    }

    [Fact]
    public void Administrator_allows_everything()
    {
        Assert.True(Permissions.Administrator.Allows(Permissions.CreateEvents | Permissions.PinMessages));
        Assert.True((Permissions.ViewChannel | Permissions.SendMessages).Allows(Permissions.SendMessages));
        Assert.False(Permissions.ManageEvents.Allows(Permissions.CreateEvents));
    }

    [Fact]
    public void Not_a_bitset_is_a_json_error()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"permissions\":\"all\"}", Json.GuildMember));
    }
}
