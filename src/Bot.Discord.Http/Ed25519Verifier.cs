using System.Buffers;
using NSec.Cryptography;

namespace Bot.Discord.Http;

/// <summary>
/// Checks the Ed25519 signature Discord puts on every interaction it POSTs: over the bytes of the
/// <c>X-Signature-Timestamp</c> value followed by the raw body, exactly as received. Thread-safe.
/// </summary>
public sealed class Ed25519Verifier
{
    /// <summary>The application's public key is 32 bytes, given as 64 hex characters.</summary>
    public const int PublicKeyHexLength = DiscordOptions.PublicKeyHexLength;

    /// <summary>An Ed25519 signature is 64 bytes (128 hex characters in <c>X-Signature-Ed25519</c>).</summary>
    public const int SignatureLength = 64;

    // Short messages (PINGs, small commands) are joined on the stack; longer ones in a pooled array.
    private const int StackLimit = 1024;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly PublicKey _publicKey;

    /// <param name="publicKeyHex">The application's public key from the developer portal (General Information → Public Key).</param>
    /// <exception cref="ArgumentException">The key is not 64 hex characters.</exception>
    public Ed25519Verifier(string publicKeyHex)
    {
        if (DiscordOptions.DescribeInvalidPublicKey(publicKeyHex) is { } problem)
            throw new ArgumentException(problem, nameof(publicKeyHex));

        Span<byte> raw = stackalloc byte[PublicKeyHexLength / 2];
        Convert.FromHexString(publicKeyHex, raw, out _, out _);
        _publicKey = PublicKey.Import(Algorithm, raw, KeyBlobFormat.RawPublicKey);
    }

    /// <summary>True when <paramref name="signature"/> signs <paramref name="timestampUtf8"/> followed by <paramref name="body"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> timestampUtf8, ReadOnlySpan<byte> body, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLength)
            return false;

        // Ed25519 hashes the whole message twice, so it has to be one contiguous span.
        var length = timestampUtf8.Length + body.Length;
        byte[]? rented = null;
        var message = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            timestampUtf8.CopyTo(message);
            body.CopyTo(message[timestampUtf8.Length..]);
            return Algorithm.Verify(_publicKey, message[..length], signature);
        }
        finally
        {
            if (rented is not null)
            {
                // The body holds the interaction token, a credential for 15 minutes: leave no copy in the pool.
                ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    /// <summary>
    /// True when <paramref name="signature"/> signs <paramref name="signedMessage"/>, the timestamp and the
    /// body already laid out one after the other (the endpoint reads the body right behind the timestamp
    /// so it need not copy it again).
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> signedMessage, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureLength && Algorithm.Verify(_publicKey, signedMessage, signature);
}
