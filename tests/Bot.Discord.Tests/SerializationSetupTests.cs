using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bot.Discord.Models;
using Bot.Discord.Serialization;

namespace Bot.Discord.Tests;

public sealed class SerializationSetupTests
{
    [Fact]
    public void Reflection_based_serialization_is_off()
    {
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);
    }

    public static TheoryData<string> ModelTypes() => new(
        typeof(Optional<>).Assembly.GetExportedTypes()
            .Where(type => type.Namespace?.StartsWith("Bot.Discord.Models", StringComparison.Ordinal) == true)
            .Where(type => !type.IsGenericTypeDefinition && !(type.IsAbstract && type.IsSealed)) // not generic or static
            .Where(type => !type.IsEnum) // enums are written as the properties that hold them; some (close codes, styles) never are
            .Select(type => type.FullName!)
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Every_model_is_registered_in_the_json_context(string typeName)
    {
        var type = typeof(Optional<>).Assembly.GetType(typeName, throwOnError: true)!;

        Assert.NotNull(DiscordJson.Default.GetTypeInfo(type));
    }

    [Fact]
    public void Names_are_snake_case_and_nulls_are_left_out_by_default()
    {
        var options = DiscordJson.Default.Options;

        Assert.Equal(JsonNamingPolicy.SnakeCaseLower, options.PropertyNamingPolicy);
        Assert.Equal(System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull, options.DefaultIgnoreCondition);
        Assert.IsType<JsonTypeInfo>(DiscordJson.Default.GetTypeInfo(typeof(ulong)), exactMatch: false);
    }
}
