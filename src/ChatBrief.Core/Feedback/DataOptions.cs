using System.ComponentModel.DataAnnotations;

namespace ChatBrief.Core.Feedback;

/// <summary>The <c>Data</c> settings: the feedback and question log, and what it keeps.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>Off, nothing is logged and answers carry no feedback buttons.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The folder of the database (<see cref="SqliteFeedbackStore.FileName"/>), resolved against the current directory.</summary>
    [Required]
    public string Path { get; set; } = "data";

    /// <summary>
    /// Keeps the text of every question. Off, only the text of abstained and 👎 questions is kept, which is what the gap
    /// report needs; questions may be private.
    /// </summary>
    public bool LogQuestionText { get; set; }

    /// <summary>Questions and votes older than this many days are deleted.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;
}
