using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Bot.Discord.Local;
using NSec.Cryptography;

namespace Bot.Discord.Http.Tests;

/// <summary>
/// A property of the endpoint: nothing but an unaltered, fresh request signed with the application's key
/// is ever accepted, and nothing a caller sends makes it fail (5xx).
/// </summary>
public sealed class RandomRequestTests
{
    private const int Requests = 10_000;
    private const int MaxBodyBytes = 4096;

    [Fact]
    public async Task Ten_thousand_random_and_mutated_requests_are_all_refused_and_none_breaks_the_server()
    {
        await using var host = await EndpointHarness.StartAsync(settings => settings.Config["Discord:MaxBodyBytes"] = MaxBodyBytes.ToString(CultureInfo.InvariantCulture));
        using var otherKey = Key.Create(SignatureAlgorithm.Ed25519);
        var port = new Uri(host.BaseUrl).Port;
        var originals = Originals(host, otherKey);
        var statuses = new ConcurrentDictionary<int, int>();
        var mutationsUsed = new ConcurrentDictionary<string, int>();

        await Parallel.ForEachAsync(
            Enumerable.Range(0, Requests),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, cancellationToken) =>
            {
                var random = new Random(20_260_807 + i);
                var original = originals[random.Next(originals.Count)];
                var (candidate, names) = Mutate(random, original, originals);
                foreach (var name in names)
                {
                    mutationsUsed.AddOrUpdate(name, 1, (_, count) => count + 1);
                }

                // Some go over a raw socket, with header bytes HttpClient would refuse to send.
                var status = i % 50 == 0
                    ? await SendRawAsync(port, candidate, random, cancellationToken)
                    : await SendAsync(host, candidate, cancellationToken);
                statuses.AddOrUpdate(status, 1, (_, count) => count + 1);
            });

        var summary = string.Join(", ", statuses.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}: {pair.Value}"));
        Assert.Equal(Requests, statuses.Values.Sum());
        Assert.False(statuses.Keys.Any(status => status is >= 200 and < 300), "accepted: " + summary);
        Assert.False(statuses.Keys.Any(status => status >= 500), "server errors: " + summary);
        Assert.Equal(0, host.Dispatched);
        Assert.True(statuses.GetValueOrDefault(401) > Requests / 2, summary);
        Assert.True(statuses.GetValueOrDefault(413) > 0, summary);
        Assert.True(mutationsUsed.Count >= Mutations.Length, "every mutation was tried: " + string.Join(", ", mutationsUsed.Keys));

        // The originals themselves are accepted: the refusals above are the mutations' doing.
        foreach (var original in originals.Take(3))
        {
            Assert.Equal(200, await SendAsync(host, original, CancellationToken.None));
        }
    }

    /// <summary>Valid signed requests (PINGs and commands, fresh) to mutate, each with a signature of it by another key.</summary>
    private static List<Candidate> Originals(EndpointHarness host, Key otherKey)
    {
        var bodies = new[]
        {
            FixtureFiles.Read("interaction_ping.json"),
            """{"id":"1533158390497411082","application_id":"1459517128704131073","type":1,"token":"dG9rZW4","version":1}""",
            FixtureFiles.Read("interaction_slash_command_full.json"),
            FixtureFiles.Read("interaction_autocomplete_full.json"),
        };
        var originals = new List<Candidate>();
        foreach (var body in bodies)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            var timestamp = host.Timestamp();
            originals.Add(new Candidate(timestamp, bytes, EndpointHarness.Sign(host.Key, timestamp, bytes))
            {
                OtherKeySignature = EndpointHarness.Sign(otherKey, timestamp, bytes),
            });
        }

        foreach (var original in originals)
        {
            original.Siblings = originals.Where(other => !ReferenceEquals(other, original)).ToArray();
        }

        return originals;
    }

    private delegate Candidate Mutation(Random random, Candidate candidate);

    private static readonly (string Name, Mutation Apply)[] Mutations =
    [
        ("random body", (r, c) => c with { Body = RandomBytes(r, r.Next(0, 2000)) }),
        ("random everything", (r, c) => c with { Timestamp = RandomHeader(r, r.Next(0, 20)), Body = RandomBytes(r, r.Next(0, 2000)), Signature = Convert.ToHexStringLower(RandomBytes(r, 64)) }),
        ("flip body bits", (r, c) => c with { Body = FlipBits(r, c.Body, r.Next(1, 4)) }),
        ("replace a body byte", (r, c) => c with { Body = ReplaceByte(r, c.Body) }),
        ("truncate body", (r, c) => c with { Body = c.Body[..r.Next(0, c.Body.Length)] }),
        ("append to body", (r, c) => c with { Body = [.. c.Body, .. RandomBytes(r, r.Next(1, 10))] }),
        ("prepend to body", (r, c) => c with { Body = [.. RandomBytes(r, r.Next(1, 10)), .. c.Body] }),
        ("swap body bytes", (r, c) => c with { Body = SwapBytes(r, c.Body) }),
        ("reverse a body span", (r, c) => c with { Body = ReverseSpan(r, c.Body) }),
        ("re-serialize body", (r, c) => c with { Body = Reserialize(r, c.Body) }),
        ("replace a timestamp character", (r, c) => c with { Timestamp = ReplaceChar(r, c.Timestamp ?? "") }),
        ("shift the timestamp", (r, c) => c with { Timestamp = Shift(r, c.Timestamp) }),
        ("truncate the timestamp", (r, c) => c with { Timestamp = Truncate(r, c.Timestamp) }),
        ("extend the timestamp", (r, c) => c with { Timestamp = r.Next(2) == 0 ? "0" + c.Timestamp : c.Timestamp + r.Next(10).ToString(CultureInfo.InvariantCulture) }),
        ("replace a signature character", (r, c) => c with { Signature = ReplaceChar(r, c.Signature ?? "") }),
        ("flip a signature bit", (r, c) => c with { Signature = OnSignatureBytes(r, c.Signature, bytes => FlipBits(r, bytes, 1)) }),
        ("truncate the signature", (r, c) => c with { Signature = Truncate(r, c.Signature) }),
        ("extend the signature", (r, c) => c with { Signature = c.Signature + Convert.ToHexStringLower(RandomBytes(r, r.Next(1, 4))) }),
        ("reorder the signature", (r, c) => c with { Signature = OnSignatureBytes(r, c.Signature, bytes => ReverseSpan(r, bytes)) }),
        ("swap the headers", (r, c) => c with { Timestamp = c.Signature, Signature = c.Timestamp }),
        ("drop the timestamp", (r, c) => c with { Timestamp = null }),
        ("drop the signature", (r, c) => c with { Signature = null }),
        ("repeat a header", (r, c) => c with { ExtraHeader = (r.Next(2) == 0 ? "X-Signature-Ed25519" : "X-Signature-Timestamp", RandomHeader(r, r.Next(1, 130))) }),
        ("signed by another key", (r, c) => c with { Signature = c.OtherKeySignature }),
        ("signature of another request", (r, c) => c with { Signature = c.Siblings[r.Next(c.Siblings.Count)].Signature }),
        ("body of another request", (r, c) => c with { Body = c.Siblings[r.Next(c.Siblings.Count)].Body }),
        ("oversized body", (r, c) => c with { Body = [.. c.Body, .. RandomBytes(r, MaxBodyBytes)] }),
    ];

    private static (Candidate Candidate, List<string> Names) Mutate(Random random, Candidate original, IReadOnlyList<Candidate> originals)
    {
        while (true)
        {
            var names = new List<string>();
            var candidate = original;
            var count = random.Next(10) == 0 ? random.Next(2, 4) : 1;
            for (var i = 0; i < count; i++)
            {
                var (name, apply) = Mutations[random.Next(Mutations.Length)];
                candidate = apply(random, candidate);
                names.Add(name);
            }

            // A mutation can happen to change nothing the signature covers (swap two equal bytes, upper-case a
            // hex digit, a space Kestrel trims), or two can together make another original (its body and its
            // signature): that request is genuinely signed and rightly accepted. Try again.
            if (!originals.Any(genuine => SignsTheSame(candidate, genuine)))
                return (candidate, names);
        }
    }

    private static bool SignsTheSame(Candidate candidate, Candidate original) =>
        candidate.ExtraHeader is null
        && candidate.Timestamp?.Trim(' ', '\t') == original.Timestamp
        && candidate.Body.AsSpan().SequenceEqual(original.Body)
        && candidate.Signature is { } signature
        && string.Equals(signature.Trim(' ', '\t'), original.Signature, StringComparison.OrdinalIgnoreCase);

    private static async Task<int> SendAsync(EndpointHarness host, Candidate candidate, CancellationToken cancellationToken)
    {
        using var request = EndpointHarness.Request(candidate.Body, candidate.Timestamp, candidate.Signature);
        if (candidate.ExtraHeader is { } extra)
            request.Headers.TryAddWithoutValidation(extra.Name, extra.Value);

        using var response = await host.Http.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>One request on its own connection, header values made of any bytes but CR and LF.</summary>
    private static async Task<int> SendRawAsync(int port, Candidate candidate, Random random, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var stream = client.GetStream();
        var head = new List<byte>();
        head.AddRange(Encoding.ASCII.GetBytes($"POST {EndpointHarness.Path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"));
        head.AddRange(Encoding.ASCII.GetBytes($"Content-Length: {candidate.Body.Length}\r\nConnection: close\r\n"));
        AddRawHeader(head, "X-Signature-Timestamp", candidate.Timestamp, random);
        AddRawHeader(head, "X-Signature-Ed25519", candidate.Signature, random);
        if (candidate.ExtraHeader is { } extra)
            AddRawHeader(head, extra.Name, extra.Value, random);
        head.AddRange("\r\n"u8.ToArray());
        await stream.WriteAsync(head.ToArray(), cancellationToken);
        await stream.WriteAsync(candidate.Body, cancellationToken);

        using var reader = new StreamReader(stream, Encoding.Latin1);
        var statusLine = await reader.ReadLineAsync(cancellationToken) ?? throw new InvalidOperationException("The server closed the connection without an answer.");
        return int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static void AddRawHeader(List<byte> head, string name, string? value, Random random)
    {
        if (value is null)
            return;

        var bytes = Encoding.Latin1.GetBytes(value);
        if (random.Next(2) == 0 && bytes.Length > 0)
        {
            // A byte outside ASCII (or a control byte) where a digit or hex character was.
            bytes[random.Next(bytes.Length)] = (byte)(random.Next(2) == 0 ? random.Next(0x80, 0x100) : random.Next(1, 9));
        }

        head.AddRange(Encoding.ASCII.GetBytes(name + ": "));
        head.AddRange(bytes);
        head.AddRange("\r\n"u8.ToArray());
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Printable ASCII, which HttpClient sends as it is.</summary>
    private static string RandomHeader(Random random, int length) =>
        string.Create(length, random, (chars, r) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)r.Next(0x20, 0x7F);
            }
        });

    private static byte[] FlipBits(Random random, byte[] bytes, int count)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = 0; i < count && copy.Length > 0; i++)
        {
            var bit = random.Next(copy.Length * 8);
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
        }

        return copy;
    }

    private static byte[] ReplaceByte(Random random, byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        if (copy.Length > 0)
            copy[random.Next(copy.Length)] = (byte)random.Next(256);

        return copy;
    }

    private static byte[] SwapBytes(Random random, byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        if (copy.Length > 1)
        {
            var (a, b) = (random.Next(copy.Length), random.Next(copy.Length));
            (copy[a], copy[b]) = (copy[b], copy[a]);
        }

        return copy;
    }

    private static byte[] ReverseSpan(Random random, byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        if (copy.Length > 1)
        {
            var start = random.Next(copy.Length - 1);
            copy.AsSpan(start, random.Next(2, copy.Length - start + 1)).Reverse();
        }

        return copy;
    }

    /// <summary>The same JSON written differently: whitespace dropped or added, as a careless re-serializer would.</summary>
    private static byte[] Reserialize(Random random, byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        text = random.Next(3) switch
        {
            0 => text.Replace("\n", "", StringComparison.Ordinal).Replace("  ", "", StringComparison.Ordinal),
            1 => text.Replace(":", ": ", StringComparison.Ordinal),
            _ => text + "\n",
        };
        return Encoding.UTF8.GetBytes(text);
    }

    private static string Shift(Random random, string? timestamp) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && timestamp.Length < 15
            ? (seconds + ((random.Next(2) == 0 ? -1 : 1) * random.Next(1, 1000))).ToString(CultureInfo.InvariantCulture)
            : RandomHeader(random, 10);

    private static string Truncate(Random random, string? text) =>
        string.IsNullOrEmpty(text) ? "" : text[..random.Next(0, text.Length)];

    /// <summary>Changes the signature's bytes when it is still hex (earlier mutations may have spoiled it), else a character.</summary>
    private static string OnSignatureBytes(Random random, string? signature, Func<byte[], byte[]> change) =>
        signature is { Length: > 0 } && signature.Length % 2 == 0 && signature.All(Uri.IsHexDigit)
            ? Convert.ToHexStringLower(change(Convert.FromHexString(signature)))
            : ReplaceChar(random, signature ?? "");

    private static string ReplaceChar(Random random, string text)
    {
        if (text.Length == 0)
            return RandomHeader(random, 1);

        var chars = text.ToCharArray();
        chars[random.Next(chars.Length)] = (char)random.Next(0x20, 0x7F);
        return new string(chars);
    }

    private sealed record Candidate(string? Timestamp, byte[] Body, string? Signature)
    {
        public (string Name, string Value)? ExtraHeader { get; init; }

        public string? OtherKeySignature { get; init; }

        public IReadOnlyList<Candidate> Siblings { get; set; } = [];
    }
}
