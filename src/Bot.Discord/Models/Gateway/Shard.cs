using System.Text.Json.Serialization;
using Bot.Discord.Serialization;

namespace Bot.Discord.Models.Gateway;

/// <summary>A shard as Discord writes it, the array <c>[shard_id, num_shards]</c>; ids are zero-based.</summary>
[JsonConverter(typeof(ShardConverter))]
public readonly record struct Shard(int Id, int Count);
