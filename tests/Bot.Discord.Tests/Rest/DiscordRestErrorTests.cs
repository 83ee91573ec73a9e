using System.Text.Json;
using Bot.Discord.Local;
using Bot.Discord.Rest;
using Bot.Discord.Serialization;

namespace Bot.Discord.Tests.Rest;

public sealed class DiscordRestErrorTests
{
    [Theory]
    [InlineData("error_50035_array.json", "activities.0.platform|BASE_TYPE_CHOICES,activities.0.type|BASE_TYPE_CHOICES")]
    [InlineData("error_50035_object.json", "access_token|BASE_TYPE_REQUIRED")]
    [InlineData("error_50035_request.json", "|APPLICATION_COMMAND_TOO_LARGE")]
    public void Form_errors_flatten_discords_nested_errors_to_field_paths(string fixture, string expected)
    {
        var body = JsonSerializer.Deserialize(FixtureFiles.Read(fixture), DiscordJson.Default.DiscordError)!;
        var error = new DiscordRestError(DiscordRestErrorKind.InvalidFormBody, body.Message) { Errors = body.Errors, Code = body.Code };

        Assert.Equal(expected, string.Join(",", error.FormErrors().Select(e => $"{e.Path}|{e.Code}")));
        Assert.All(error.FormErrors(), e => Assert.NotEmpty(e.Message));
    }
}
