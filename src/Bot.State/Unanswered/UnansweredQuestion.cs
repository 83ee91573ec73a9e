namespace Bot.State.Unanswered;

/// <summary>A question the knowledge could not answer, as moderators see it: no one's name on it.</summary>
/// <param name="Question">As it was first asked.</param>
/// <param name="GuildId">Where it was asked; null outside any guild (direct messages, the console).</param>
/// <param name="Count">How many times it was asked there.</param>
public sealed record UnansweredQuestion(string Question, string? GuildId, long Count, DateTimeOffset FirstAsked, DateTimeOffset LastAsked);
