namespace ChatBrief.Cli;

/// <summary>A failure a command has already put into words for the user; the inner exception is for <c>--verbose</c>.</summary>
internal sealed class CommandFailedException(string message, Exception innerException) : Exception(message, innerException);
