using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Feedback;

/// <summary>
/// The feedback and question log in one SQLite file, <see cref="FileName"/> in <c>Data:Path</c>. The schema carries its
/// version in <c>PRAGMA user_version</c> and <see cref="Open"/> applies the <see cref="FeedbackSchema.Migrations"/> it
/// lacks; a file from a newer ChatBrief is left untouched. Every SQLite failure becomes a <see cref="FeedbackStoreException"/>
/// that names the file and what to do. Safe to call from several threads.
/// </summary>
public sealed class SqliteFeedbackStore : IFeedbackStore, IDisposable
{
    public const string FileName = "feedback.db";

    private readonly int _busyWaitSeconds;

    // One connection serves the background writer and the readers (/gaps) in turn.
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private byte[] _salt = [];

    public SqliteFeedbackStore(IOptions<DataOptions> options)
        : this(options, busyWait: TimeSpan.FromSeconds(5))
    {
    }

    /// <param name="busyWait">How long to wait for another program's lock before saying the file is locked.</param>
    internal SqliteFeedbackStore(IOptions<DataOptions> options, TimeSpan busyWait)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetFullPath(options.Value.Path), FileName);
        _busyWaitSeconds = Math.Max(1, (int)Math.Ceiling(busyWait.TotalSeconds));
    }

    public string Path { get; }

    public void Open() => Guard(() =>
    {
        if (_connection is not null)
        {
            return;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = _busyWaitSeconds,
        }.ToString());
        try
        {
            connection.Open();
            Migrate(connection);
            _salt = Convert.FromBase64String((string)Scalar(connection, "SELECT value FROM meta WHERE key = 'salt'")!);
            _connection = connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    });

    private void Migrate(SqliteConnection connection)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version > FeedbackSchema.Version)
        {
            throw new FeedbackStoreException(
                $"The feedback database {Path} was written by a newer ChatBrief (schema version {version}; this version knows up to {FeedbackSchema.Version}). " +
                "Run that version, or move the file aside to start a new one.");
        }

        Execute(connection, "PRAGMA journal_mode = WAL");
        for (var next = version; next < FeedbackSchema.Version; next++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, FeedbackSchema.Migrations[next], transaction);
            if (next == 0)
            {
                Execute(connection, "INSERT INTO meta (key, value) VALUES ('salt', $salt)", transaction, ("$salt", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }

            Execute(connection, $"PRAGMA user_version = {next + 1}", transaction);
            transaction.Commit();
        }
    }

    public void AddQuestion(string answerId, DateTimeOffset at, string door, string userId, bool abstained, IReadOnlyList<ShownPassage> passages, TimeSpan latency, string? question) => Guard(() =>
        Execute(Connection, """
            INSERT OR IGNORE INTO questions (answer_id, at, door, user_hash, abstained, passages, latency_ms, question)
            VALUES ($id, $at, $door, $user, $abstained, $passages, $latency, $question)
            """,
            null,
            ("$id", answerId), ("$at", at.ToUnixTimeMilliseconds()), ("$door", door), ("$user", Hash(userId)), ("$abstained", abstained),
            ("$passages", JsonSerializer.Serialize(passages)), ("$latency", (long)latency.TotalMilliseconds), ("$question", question)));

    public void LinkMessage(string answerId, string messageRef) => Guard(() =>
        Execute(Connection, "UPDATE questions SET message_ref = $ref WHERE answer_id = $id", null, ("$ref", messageRef), ("$id", answerId)));

    public string? FindAnswer(string messageRef) => Guard(() =>
        Scalar(Connection, "SELECT answer_id FROM questions WHERE message_ref = $ref", ("$ref", messageRef)) as string);

    public void SetVote(string answerId, string door, string userId, Vote vote, DateTimeOffset at, string? question) => Guard(() =>
    {
        using var transaction = Connection.BeginTransaction();
        Execute(Connection, """
            INSERT INTO votes (answer_id, user_hash, door, vote, at) VALUES ($id, $user, $door, $vote, $at)
            ON CONFLICT (answer_id, user_hash) DO UPDATE SET vote = excluded.vote, at = excluded.at, reason = NULL, comment = NULL
            """,
            transaction, ("$id", answerId), ("$user", Hash(userId)), ("$door", door), ("$vote", (int)vote), ("$at", at.ToUnixTimeMilliseconds()));
        if (vote == Vote.Down && question is not null)
        {
            Execute(Connection, "UPDATE questions SET question = $question WHERE answer_id = $id AND question IS NULL", transaction, ("$question", question), ("$id", answerId));
        }

        transaction.Commit();
    });

    public bool SetReason(string answerId, string userId, DownReason? reason, string? comment) => Guard(() =>
        Execute(Connection, "UPDATE votes SET reason = $reason, comment = $comment WHERE answer_id = $id AND user_hash = $user AND vote = $down",
            null, ("$reason", reason is { } r ? DownReasons.Code(r) : null), ("$comment", comment), ("$id", answerId), ("$user", Hash(userId)), ("$down", (int)Vote.Down)) > 0);

    public int DeleteOlderThan(DateTimeOffset cutoff) => Guard(() =>
    {
        using var transaction = Connection.BeginTransaction();
        var ms = cutoff.ToUnixTimeMilliseconds();
        var deleted = Execute(Connection, "DELETE FROM questions WHERE at < $cutoff", transaction, ("$cutoff", ms))
            + Execute(Connection, "DELETE FROM votes WHERE at < $cutoff", transaction, ("$cutoff", ms));
        transaction.Commit();
        return deleted;
    });

    public int Forget(string userId) => Guard(() =>
    {
        using var transaction = Connection.BeginTransaction();
        var user = Hash(userId);
        var deleted = Execute(Connection, "DELETE FROM questions WHERE user_hash = $user", transaction, ("$user", user))
            + Execute(Connection, "DELETE FROM votes WHERE user_hash = $user", transaction, ("$user", user));
        transaction.Commit();
        return deleted;
    });

    public IReadOnlyList<LoggedQuestion> QuestionsSince(DateTimeOffset since) => Guard(() =>
    {
        var ms = since.ToUnixTimeMilliseconds();
        var votes = new Dictionary<string, List<LoggedVote>>(StringComparer.Ordinal);
        using (var command = Command(Connection, """
            SELECT v.answer_id, v.user_hash, v.door, v.vote, v.reason, v.comment, v.at FROM votes v
            JOIN questions q ON q.answer_id = v.answer_id WHERE q.at >= $since
            """, null, ("$since", ms)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var vote = new LoggedVote(reader.GetString(0), reader.GetString(1), reader.GetString(2), (Vote)reader.GetInt32(3),
                    DownReasons.FromCode(reader.IsDBNull(4) ? null : reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetString(5),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)));
                (votes.TryGetValue(vote.AnswerId, out var list) ? list : votes[vote.AnswerId] = []).Add(vote);
            }
        }

        var questions = new List<LoggedQuestion>();
        using (var command = Command(Connection, """
            SELECT answer_id, at, door, user_hash, abstained, passages, latency_ms, question FROM questions
            WHERE at >= $since ORDER BY at, answer_id
            """, null, ("$since", ms)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                questions.Add(new LoggedQuestion(id, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3),
                    reader.GetBoolean(4), JsonSerializer.Deserialize<List<ShownPassage>>(reader.GetString(5)) ?? [],
                    TimeSpan.FromMilliseconds(reader.GetInt64(6)), reader.IsDBNull(7) ? null : reader.GetString(7))
                {
                    Votes = votes.GetValueOrDefault(id) ?? [],
                });
            }
        }

        return questions;
    });

    public void Dispose() => _connection?.Dispose();

    private SqliteConnection Connection => _connection ?? throw new FeedbackStoreException($"The feedback database {Path} is not open.");

    /// <summary>The salted hash a person is known by: the raw id never reaches the file, and the salt never leaves it.</summary>
    private string Hash(string userId) => Convert.ToHexStringLower(HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(userId)))[..32];

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return 0;
    });

    private T Guard<T>(Func<T> action)
    {
        try
        {
            lock (_gate)
            {
                return action();
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            throw new FeedbackStoreException($"The feedback database {Path} is locked by another program; close it, or point Data:Path elsewhere.", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26)
        {
            throw new FeedbackStoreException($"The feedback database {Path} is damaged or is not a SQLite database; move it aside and ChatBrief starts a new one.", e);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException && e is not FeedbackStoreException)
        {
            throw new FeedbackStoreException($"The feedback database {Path} cannot be used: {e.Message}", e);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static int Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, transaction, parameters);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, null, parameters);
        return command.ExecuteScalar();
    }
}
