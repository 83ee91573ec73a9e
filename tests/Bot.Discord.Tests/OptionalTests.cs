using System.Text.Json;
using Bot.Discord.Models;
using Bot.Discord.Models.Guilds;
using Bot.Discord.Serialization;

namespace Bot.Discord.Tests;

/// <summary>Fields documented as optional and nullable keep "absent", "null" and "a value" apart.</summary>
public sealed class OptionalTests
{
    private static readonly DiscordJson Json = DiscordJson.Default;

    [Theory]
    [InlineData("{}", false, null)]
    [InlineData("{\"nick\":null}", true, null)]
    [InlineData("{\"nick\":\"Nel\"}", true, "Nel")]
    public void Absent_null_and_value_read_differently_and_write_back_as_read(string json, bool present, string? nick)
    {
        var member = JsonSerializer.Deserialize(json, Json.GuildMember)!;

        Assert.Equal(present, member.Nick.HasValue);
        Assert.Equal(nick, member.Nick.GetValueOrDefault());
        var written = JsonSerializer.Serialize(member, Json.GuildMember);
        Assert.Equal(present, written.Contains("\"nick\":"));
        if (present)
            Assert.Contains(nick is null ? "\"nick\":null" : $"\"nick\":\"{nick}\"", written);
    }

    [Fact]
    public void Assigning_null_makes_a_field_present()
    {
        var cleared = new GuildMember { Nick = null };
        var absent = new GuildMember();

        Assert.Contains("\"nick\":null", JsonSerializer.Serialize(cleared, Json.GuildMember));
        Assert.DoesNotContain("nick", JsonSerializer.Serialize(absent, Json.GuildMember));
    }

    [Fact]
    public void Reading_the_value_of_an_absent_field_throws_but_GetValueOrDefault_does_not()
    {
        var absent = Optional<string?>.Absent;

        Assert.Throws<InvalidOperationException>(() => absent.Value);
        Assert.Null(absent.GetValueOrDefault());
        Assert.NotEqual(absent, new Optional<string?>(null));
    }

    [Fact]
    public void Every_optional_property_is_left_out_when_absent()
    {
        // Without this attribute the converter would be asked to write an absent value and throw.
        var optionalProperties = typeof(Optional<>).Assembly.GetExportedTypes()
            .SelectMany(type => type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
            .Where(property => property.PropertyType.IsGenericType
                && property.PropertyType.GetGenericTypeDefinition() == typeof(Optional<>))
            .ToArray();

        Assert.NotEmpty(optionalProperties);
        Assert.All(optionalProperties, property =>
        {
            var ignore = property.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), false)
                .Cast<System.Text.Json.Serialization.JsonIgnoreAttribute>()
                .SingleOrDefault();
            Assert.True(
                ignore?.Condition == System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault,
                $"{property.DeclaringType!.Name}.{property.Name} needs [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)].");
        });
    }
}
