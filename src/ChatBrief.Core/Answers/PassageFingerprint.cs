using System.Security.Cryptography;
using System.Text;

namespace ChatBrief.Core.Answers;

/// <summary>
/// A short digest of a passage's text. A button carries it with the paragraph number, so that after a reindex the
/// passage is found again by its content (even when it moved), or the user is told it was edited.
/// </summary>
public static class PassageFingerprint
{
    /// <summary>Eight hex digits: 32 bits tell one source's passages apart, and keep Discord's 100-character custom_id short.</summary>
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
}
