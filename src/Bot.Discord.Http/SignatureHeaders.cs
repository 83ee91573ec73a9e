using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Bot.Discord.Http;

/// <summary>Reads and checks the two headers Discord signs a request with, before anything else is read.</summary>
internal static class SignatureHeaders
{
    public const string Signature = "X-Signature-Ed25519";

    public const string Timestamp = "X-Signature-Timestamp";

    public const int SignatureHexLength = Ed25519Verifier.SignatureLength * 2;

    /// <summary>Unix seconds have 10 digits until the year 2286; 12 leaves room and keeps the value far from overflow.</summary>
    public const int MaxTimestampDigits = 12;

    /// <summary>Null when both headers are present once and well formed; else why not.</summary>
    public static RequestRejection? Read(IHeaderDictionary headers, out string timestamp, out long unixSeconds, out string signatureHex)
    {
        timestamp = "";
        unixSeconds = 0;
        signatureHex = "";
        var signatures = headers[Signature];
        var timestamps = headers[Timestamp];
        if (signatures.Count != 1 || string.IsNullOrEmpty(signatures[0]))
            return RequestRejection.MissingSignature;

        if (timestamps.Count != 1 || string.IsNullOrEmpty(timestamps[0]))
            return RequestRejection.MissingTimestamp;

        signatureHex = signatures[0]!;
        timestamp = timestamps[0]!;
        if (signatureHex.Length != SignatureHexLength || !IsHex(signatureHex))
            return RequestRejection.MalformedSignature;

        // Digits only: no sign, no spaces, no fraction. The signed bytes are this exact text.
        if (timestamp.Length > MaxTimestampDigits || timestamp.AsSpan().ContainsAnyExceptInRange('0', '9'))
            return RequestRejection.MalformedTimestamp;

        foreach (var digit in timestamp)
        {
            unixSeconds = (unixSeconds * 10) + (digit - '0');
        }

        return null;
    }

    /// <summary>Decodes a signature <see cref="Read"/> accepted.</summary>
    public static void DecodeSignature(string signatureHex, Span<byte> signature) =>
        Convert.FromHexString(signatureHex, signature, out _, out _);

    private static bool IsHex(string text)
    {
        Span<byte> scratch = stackalloc byte[Ed25519Verifier.SignatureLength];
        return Convert.FromHexString(text, scratch, out _, out var written) == OperationStatus.Done && written == scratch.Length;
    }
}

/// <summary>Why a request was answered 401 (logged, never told to the caller).</summary>
internal enum RequestRejection
{
    MissingSignature,
    MissingTimestamp,
    MalformedSignature,
    MalformedTimestamp,
    StaleTimestamp,
    BadSignature,
}
