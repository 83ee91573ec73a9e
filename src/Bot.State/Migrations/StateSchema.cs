namespace Bot.State.Migrations;

/// <summary>
/// The schema's history, oldest first. <c>PRAGMA user_version</c> in the file says how many of
/// these it has had. What the bot keeps says where a question was asked, never who asked it; the
/// one table holding members' ids is trivia's, since a leaderboard is made of them.
/// </summary>
public static class StateSchema
{
    public static IReadOnlyList<StateMigration> Migrations { get; } =
    [
        new(1, "Unanswered questions, counted per guild",
        [
            """
            CREATE TABLE unanswered_questions (
                guild_id     TEXT    NOT NULL DEFAULT '',  -- '' when asked outside a guild (direct messages, the console)
                question_key TEXT    NOT NULL,             -- the question normalised, so "Who?" and "who" count together
                question     TEXT    NOT NULL,             -- as it was first asked
                count        INTEGER NOT NULL DEFAULT 1 CHECK (count > 0),
                first_asked  TEXT    NOT NULL,             -- UTC, ISO 8601 with milliseconds: sorts as text
                last_asked   TEXT    NOT NULL,
                PRIMARY KEY (guild_id, question_key)
            ) WITHOUT ROWID
            """,
            "CREATE INDEX unanswered_questions_most_asked ON unanswered_questions (guild_id, count DESC, last_asked DESC)",
        ]),
        new(2, "Trivia answers, discussion prompt positions per channel, pinned summaries",
        [
            """
            CREATE TABLE trivia_answers (
                guild_id    TEXT    NOT NULL DEFAULT '',  -- '' outside any guild (the console)
                question_id TEXT    NOT NULL,             -- the trivia question's id, which restores it
                user_id     TEXT    NOT NULL,             -- who answered: a leaderboard needs it
                correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
                answered_at TEXT    NOT NULL,             -- UTC, ISO 8601 with milliseconds
                PRIMARY KEY (guild_id, question_id, user_id)  -- only a member's first answer counts
            ) WITHOUT ROWID
            """,
            "CREATE INDEX trivia_answers_by_member ON trivia_answers (guild_id, user_id, correct)",
            """
            CREATE TABLE prompt_positions (
                guild_id   TEXT    NOT NULL DEFAULT '',
                channel_id TEXT    NOT NULL DEFAULT '',   -- '' where there are no channels (the console)
                served     INTEGER NOT NULL CHECK (served > 0),  -- prompts given in this channel so far
                last_at    TEXT    NOT NULL,
                PRIMARY KEY (guild_id, channel_id)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE pinned_summaries (
                guild_id   TEXT NOT NULL DEFAULT '',
                channel_id TEXT NOT NULL,
                message_id TEXT NOT NULL,
                topic      TEXT NOT NULL DEFAULT '',      -- '' for a summary of the whole knowledge
                pinned_at  TEXT NOT NULL,
                PRIMARY KEY (channel_id, message_id)
            ) WITHOUT ROWID
            """,
            "CREATE INDEX pinned_summaries_by_guild ON pinned_summaries (guild_id, pinned_at DESC)",
        ]),
    ];

    /// <summary>Throws unless the versions are 1, 2, 3… in order, each with at least one step.</summary>
    public static void CheckOrder(IReadOnlyList<StateMigration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
                throw new ArgumentException($"Migration {i + 1} says it is version {migrations[i].Version}; versions must run 1, 2, 3… in order.", nameof(migrations));
            if (migrations[i].Steps.Count == 0 || migrations[i].Steps.Any(string.IsNullOrWhiteSpace))
                throw new ArgumentException($"Migration {migrations[i].Version} has an empty step.", nameof(migrations));
        }
    }
}
