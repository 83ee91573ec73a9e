using Bot.Discord.Local;
namespace Bot.Discord.Tests;

/// <summary>The copies in Fixtures/ (used when ../shared is absent, as in some CI checkouts) match the shared originals.</summary>
public sealed class VendoredFixturesTests
{
    [Fact]
    public void Vendored_fixtures_are_identical_to_the_shared_ones()
    {
        var vendored = Directory.EnumerateFiles(FixtureFiles.VendoredDirectory, "*.json").Select(Path.GetFileName).Order().ToArray();
        Assert.NotEmpty(vendored);
        if (FixtureFiles.SharedDirectory is not { } shared)
        {
            return; // Nothing to compare with: the tests are running on the copies.
        }

        var originals = Directory.EnumerateFiles(shared, "*.json").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(originals, vendored);
        Assert.All(originals, name => Assert.True(
            File.ReadAllBytes(Path.Combine(shared, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(FixtureFiles.VendoredDirectory, name!))),
            $"Fixtures/{name} differs from {shared}/{name}: copy it again."));
    }
}
