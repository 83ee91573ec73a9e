using System.Net;
using System.Text;
using System.Text.Json;
using Bot.Discord.Local;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;

namespace Bot.Discord.Http.Tests;

/// <summary>The project's signature vectors sent over HTTP, with the clock at the vectors' timestamp.</summary>
public sealed class FixtureVectorEndpointTests
{
    [Fact]
    public async Task Each_vector_gets_the_status_the_fixture_expects()
    {
        using var fixture = JsonDocument.Parse(FixtureFiles.Read("http_signature_test_vectors.json"));
        var root = fixture.RootElement;
        var cases = root.GetProperty("cases").EnumerateArray().ToArray();
        var signedAt = long.Parse(cases[0].GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var seed = Convert.FromHexString(root.GetProperty("test_only_private_seed_hex").GetString()!);

        await using var host = await EndpointHarness.StartAsync(settings =>
        {
            settings.Time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(signedAt));
            settings.Key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
            settings.Config["Discord:PublicKey"] = root.GetProperty("public_key_hex").GetString();
        });

        foreach (var testCase in cases)
        {
            var request = EndpointHarness.Request(
                Encoding.UTF8.GetBytes(testCase.GetProperty("body").GetString()!),
                testCase.GetProperty("timestamp").GetString(),
                testCase.GetProperty("signature_hex").GetString());

            var answer = await host.SendAsync(request);

            var name = testCase.GetProperty("name").GetString();
            Assert.True((int)answer.Status == testCase.GetProperty("expected_http_status").GetInt32(), $"{name}: {answer.Status}");
            Assert.Equal(testCase.GetProperty("expect_valid").GetBoolean() ? """{"type":1}""" : "", answer.Body);
        }
    }

    [Fact]
    public async Task Valid_vector_replayed_six_minutes_later_is_refused()
    {
        using var fixture = JsonDocument.Parse(FixtureFiles.Read("http_signature_test_vectors.json"));
        var root = fixture.RootElement;
        var valid = root.GetProperty("cases")[0];
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(valid.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var clock = new FakeTimeProvider(signedAt);
        await using var host = await EndpointHarness.StartAsync(settings =>
        {
            settings.Time = clock;
            settings.Config["Discord:PublicKey"] = root.GetProperty("public_key_hex").GetString();
        });

        HttpRequestMessage Replay() => EndpointHarness.Request(
            Encoding.UTF8.GetBytes(valid.GetProperty("body").GetString()!),
            valid.GetProperty("timestamp").GetString(),
            valid.GetProperty("signature_hex").GetString());

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(Replay())).Status);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(Replay())).Status);
    }
}
