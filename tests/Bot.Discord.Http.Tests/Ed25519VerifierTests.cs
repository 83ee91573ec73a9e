using System.Text;
using System.Text.Json;
using Bot.Discord.Local;
using NSec.Cryptography;

namespace Bot.Discord.Http.Tests;

public sealed class Ed25519VerifierTests
{
    [Theory]
    [MemberData(nameof(Rfc8032Names))]
    public void Rfc8032_vector_is_consistent(string name)
    {
        var vector = Rfc8032Vectors.All[name];
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(vector.SecretKeyHex), KeyBlobFormat.RawPrivateKey);

        Assert.Equal(vector.PublicKeyHex, Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        Assert.Equal(vector.SignatureHex, Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, vector.Message)));
    }

    [Theory]
    [MemberData(nameof(Rfc8032Names))]
    public void Rfc8032_signature_verifies_however_the_message_is_split_into_timestamp_and_body(string name)
    {
        var vector = Rfc8032Vectors.All[name];
        var verifier = new Ed25519Verifier(vector.PublicKeyHex);
        var signature = Convert.FromHexString(vector.SignatureHex);

        Assert.True(verifier.Verify(vector.Message, signature));
        foreach (var split in new[] { 0, vector.Message.Length / 2, vector.Message.Length })
        {
            Assert.True(verifier.Verify(vector.Message.AsSpan(0, split), vector.Message.AsSpan(split), signature));
        }
    }

    [Theory]
    [MemberData(nameof(Rfc8032Names))]
    public void Rfc8032_signature_with_any_one_bit_flipped_is_refused(string name)
    {
        var vector = Rfc8032Vectors.All[name];
        var verifier = new Ed25519Verifier(vector.PublicKeyHex);
        var signature = Convert.FromHexString(vector.SignatureHex);

        for (var bit = 0; bit < signature.Length * 8; bit++)
        {
            var flipped = (byte[])signature.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(verifier.Verify([], vector.Message, flipped), $"bit {bit} of the signature");
        }
    }

    [Theory]
    [MemberData(nameof(Rfc8032Names))]
    public void Rfc8032_message_or_key_with_one_bit_flipped_is_refused(string name)
    {
        var vector = Rfc8032Vectors.All[name];
        var signature = Convert.FromHexString(vector.SignatureHex);
        var verifier = new Ed25519Verifier(vector.PublicKeyHex);
        var random = new Random(8032);

        for (var i = 0; i < Math.Min(64, vector.Message.Length * 8); i++)
        {
            var message = (byte[])vector.Message.Clone();
            var bit = random.Next(message.Length * 8);
            message[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(verifier.Verify([], message, signature), $"bit {bit} of the message");
        }

        // One more byte on an empty message (TEST 1) is the nearest change there is.
        Assert.False(verifier.Verify([], [.. vector.Message, 0], signature));

        var publicKey = Convert.FromHexString(vector.PublicKeyHex);
        for (var bit = 0; bit < publicKey.Length * 8; bit += 7)
        {
            var other = (byte[])publicKey.Clone();
            other[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(new Ed25519Verifier(Convert.ToHexStringLower(other)).Verify([], vector.Message, signature), $"bit {bit} of the public key");
        }
    }

    [Fact]
    public void Project_test_vectors_verify_as_the_fixture_expects()
    {
        using var fixture = JsonDocument.Parse(FixtureFiles.Read("http_signature_test_vectors.json"));
        var root = fixture.RootElement;
        var verifier = new Ed25519Verifier(root.GetProperty("public_key_hex").GetString()!);
        var cases = root.GetProperty("cases").EnumerateArray().ToArray();
        Assert.Equal(5, cases.Length);

        foreach (var testCase in cases)
        {
            var name = testCase.GetProperty("name").GetString();
            var timestamp = Encoding.UTF8.GetBytes(testCase.GetProperty("timestamp").GetString()!);
            var body = Encoding.UTF8.GetBytes(testCase.GetProperty("body").GetString()!);
            var signatureHex = testCase.GetProperty("signature_hex").GetString()!;
            var expected = testCase.GetProperty("expect_valid").GetBoolean();

            // A signature that is not hex cannot even be decoded: it can only be invalid.
            var signature = IsHex(signatureHex) ? Convert.FromHexString(signatureHex) : new byte[Ed25519Verifier.SignatureLength];
            Assert.True(expected == verifier.Verify(timestamp, body, signature), name);
        }
    }

    [Fact]
    public void Project_test_vector_seed_signs_into_the_fixture_signature()
    {
        using var fixture = JsonDocument.Parse(FixtureFiles.Read("http_signature_test_vectors.json"));
        var root = fixture.RootElement;
        var valid = root.GetProperty("cases")[0];
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(root.GetProperty("test_only_private_seed_hex").GetString()!), KeyBlobFormat.RawPrivateKey);

        var message = Encoding.UTF8.GetBytes(valid.GetProperty("timestamp").GetString() + valid.GetProperty("body").GetString());
        Assert.Equal(valid.GetProperty("signature_hex").GetString(), Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, message)));
    }

    [Fact]
    public void Long_bodies_are_verified_like_short_ones()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var verifier = new Ed25519Verifier(Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        var timestamp = "1786129200"u8.ToArray();
        foreach (var length in new[] { 0, 1, 1013, 1014, 1015, 5000, 70_000 })
        {
            var body = new byte[length];
            new Random(length).NextBytes(body);
            var signature = SignatureAlgorithm.Ed25519.Sign(key, [.. timestamp, .. body]);
            Assert.True(verifier.Verify(timestamp, body, signature), $"{length} bytes");
            Assert.False(verifier.Verify("1786129201"u8, body, signature), $"{length} bytes, other timestamp");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(128)]
    public void Signature_of_the_wrong_length_is_refused(int length)
    {
        var vector = Rfc8032Vectors.All["TEST 2"];
        var verifier = new Ed25519Verifier(vector.PublicKeyHex);
        var signature = new byte[length];
        Convert.FromHexString(vector.SignatureHex).AsSpan(0, Math.Min(length, 64)).CopyTo(signature);

        Assert.False(verifier.Verify([], vector.Message, signature));
        Assert.False(verifier.Verify(vector.Message, signature));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511", "63 characters")]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a00", "66 characters")]
    [InlineData("z75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "not hexadecimal")]
    [InlineData(" d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511", "not hexadecimal")]
    public void Public_key_that_is_not_64_hex_characters_is_refused(string publicKeyHex, string because)
    {
        var error = Assert.Throws<ArgumentException>(() => new Ed25519Verifier(publicKeyHex));
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Public_key_in_upper_case_hex_is_accepted()
    {
        var vector = Rfc8032Vectors.All["TEST 1"];
        var verifier = new Ed25519Verifier(vector.PublicKeyHex.ToUpperInvariant());
        Assert.True(verifier.Verify([], [], Convert.FromHexString(vector.SignatureHex)));
    }

    public static TheoryData<string> Rfc8032Names => Rfc8032Vectors.Names;

    private static bool IsHex(string text) => text.Length % 2 == 0 && text.All(Uri.IsHexDigit);
}
