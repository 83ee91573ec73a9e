using System.Text.Json.Serialization;

namespace Bot.Registration;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class RegistrationJson : JsonSerializerContext;
