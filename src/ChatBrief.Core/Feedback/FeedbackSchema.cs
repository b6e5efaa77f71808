namespace ChatBrief.Core.Feedback;

/// <summary>
/// The feedback database's schema, as the steps that build it: step N takes version N to N + 1. Steps are only ever
/// added, never edited, so that every existing file can be brought up to date.
/// </summary>
internal static class FeedbackSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE questions (
            answer_id TEXT PRIMARY KEY,
            at INTEGER NOT NULL,
            door TEXT NOT NULL,
            user_hash TEXT NOT NULL,
            abstained INTEGER NOT NULL,
            passages TEXT NOT NULL,
            latency_ms INTEGER NOT NULL,
            question TEXT,
            message_ref TEXT);
        CREATE INDEX questions_at ON questions (at);
        CREATE INDEX questions_user ON questions (user_hash);
        CREATE INDEX questions_message ON questions (message_ref);
        CREATE TABLE votes (
            answer_id TEXT NOT NULL,
            user_hash TEXT NOT NULL,
            door TEXT NOT NULL,
            vote INTEGER NOT NULL,
            reason TEXT,
            comment TEXT,
            at INTEGER NOT NULL,
            PRIMARY KEY (answer_id, user_hash));
        CREATE INDEX votes_user ON votes (user_hash);
        """,
    ];

    public static int Version => Migrations.Count;
}
