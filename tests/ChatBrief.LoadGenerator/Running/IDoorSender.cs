using ChatBrief.LoadGenerator.Reporting;

namespace ChatBrief.LoadGenerator.Running;

/// <summary>Sends one question through one chat door and says how it went.</summary>
internal interface IDoorSender
{
    /// <param name="sequence">The request's number in the run: it makes the asker, ids and tokens unique.</param>
    Task<RequestOutcome> SendAsync(long sequence, string question, CancellationToken cancellationToken);
}
