namespace Bot.Discord.Tests;

/// <summary>The comparison the round-trip tests rely on does catch differences.</summary>
public sealed class JsonEquivalenceTests
{
    [Theory]
    [InlineData("{\"a\":1,\"b\":[1,2]}", "{\"b\":[1,2],\"a\":1.0}")]
    [InlineData("{\"t\":\"2026-08-01T17:04:06.000Z\"}", "{\"t\":\"2026-08-01T17:04:06+00:00\"}")]
    [InlineData("{\"t\":\"2024-03-05T11:22:33.444000+00:00\"}", "{\"t\":\"2024-03-05T11:22:33.444+00:00\"}")]
    [InlineData("{\"n\":null}", "{\"n\":null}")]
    public void Equivalent_json_has_no_differences(string expected, string actual)
    {
        Assert.Empty(JsonEquivalence.Differences(expected, actual));
    }

    [Theory]
    [InlineData("{\"a\":1}", "{}", "$.a: missing")]
    [InlineData("{}", "{\"a\":null}", "$.a: not expected")]
    [InlineData("{\"a\":\"1\"}", "{\"a\":1}", "$.a: expected \"1\", got 1")]
    [InlineData("{\"a\":[1,2]}", "{\"a\":[1,3]}", "$.a[1]: expected 2, got 3")]
    [InlineData("{\"a\":[1]}", "{\"a\":[1,1]}", "$.a: expected 1 items, got 2")]
    [InlineData("{\"a\":false}", "{\"a\":true}", "$.a: expected false, got true")]
    [InlineData("{\"id\":\"9007199254740993\"}", "{\"id\":\"9007199254740992\"}", "$.id: expected \"9007199254740993\", got \"9007199254740992\"")]
    [InlineData("{\"t\":\"2026-08-01T17:04:06Z\"}", "{\"t\":\"2026-08-01T17:04:07Z\"}", "$.t: expected \"2026-08-01T17:04:06Z\", got \"2026-08-01T17:04:07Z\"")]
    [InlineData("{\"v\":\"2026-08-07\"}", "{\"v\":\"2026-08-07T00:00:00Z\"}", "$.v: expected \"2026-08-07\", got \"2026-08-07T00:00:00Z\"")]
    public void Differences_are_reported_with_their_path(string expected, string actual, string difference)
    {
        Assert.Equal([difference], JsonEquivalence.Differences(expected, actual));
    }
}
