using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Bot.Commands.Definitions;

/// <summary>
/// A fingerprint of a set of command definitions: when it is the one recorded at the last
/// registration, registering again would change nothing.
/// </summary>
public static class CommandDefinitionHash
{
    /// <summary>Bump when the serialization below changes, so the next start registers again.</summary>
    private const int Version = 1;

    /// <summary>
    /// SHA-256, lower-case hex, of <see cref="Canonical"/>. The same for the same definitions in
    /// any order; different when anything a user or a transport sees changes.
    /// </summary>
    public static string Compute(IEnumerable<CommandDefinition> definitions) =>
        Convert.ToHexStringLower(SHA256.HashData(Canonical(definitions)));

    /// <summary>
    /// Compact JSON of the definitions sorted by name, every field written in a fixed order. What
    /// registration sends: names, descriptions, options in their own order (which users see),
    /// required permission. Not <see cref="CommandDefinition.Ephemeral"/>, which never leaves the bot.
    /// </summary>
    public static byte[] Canonical(IEnumerable<CommandDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteStartArray("commands");
            foreach (var definition in definitions.OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("name", definition.Name);
                json.WriteString("description", definition.Description);
                json.WriteString("permission", definition.RequiredPermission.ToString());
                WriteOptions(json, definition.Options);
                // Written only when there are some, so commands without them keep the fingerprint
                // they had before subcommands existed (no needless registration).
                if (definition.Subcommands.Count > 0)
                {
                    json.WriteStartArray("subcommands");
                    foreach (var subcommand in definition.Subcommands)
                    {
                        json.WriteStartObject();
                        json.WriteString("name", subcommand.Name);
                        json.WriteString("description", subcommand.Description);
                        WriteOptions(json, subcommand.Options);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteOptions(Utf8JsonWriter json, IReadOnlyList<CommandOptionDefinition> options)
    {
        json.WriteStartArray("options");
        foreach (var option in options)
        {
            json.WriteStartObject();
            json.WriteString("name", option.Name);
            json.WriteString("description", option.Description);
            json.WriteString("kind", option.Kind.ToString());
            json.WriteBoolean("required", option.Required);
            json.WriteBoolean("autocomplete", option.Autocomplete);
            WriteNumberOrNull(json, "min_length", option.MinLength);
            WriteNumberOrNull(json, "max_length", option.MaxLength);
            if (option.ChannelKinds.Count > 0)
            {
                json.WriteStartArray("channel_kinds");
                foreach (var kind in option.ChannelKinds)
                    json.WriteStringValue(kind.ToString());
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
            json.WriteNumber(name, v);
        else
            json.WriteNull(name);
    }
}
