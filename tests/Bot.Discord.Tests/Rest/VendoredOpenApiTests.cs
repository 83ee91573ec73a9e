using Bot.Discord.Local.OpenApi;
namespace Bot.Discord.Tests.Rest;

/// <summary>The copy in Fixtures/openapi/ (used when ../shared is absent) matches the shared original.</summary>
public sealed class VendoredOpenApiTests
{
    [Fact]
    public void The_vendored_openapi_description_is_identical_to_the_shared_one()
    {
        Assert.True(File.Exists(OpenApiDescription.VendoredPath), $"{OpenApiDescription.VendoredPath} is missing");
        if (OpenApiDescription.SharedPath is not { } shared)
        {
            return; // Nothing to compare with: the tests are running on the copy.
        }

        Assert.True(
            File.ReadAllBytes(shared).AsSpan().SequenceEqual(File.ReadAllBytes(OpenApiDescription.VendoredPath)),
            $"Fixtures/openapi/openapi.json differs from {shared}: copy it again.");
    }
}
