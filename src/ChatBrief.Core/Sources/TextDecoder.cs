using System.Text;

namespace ChatBrief.Core.Sources;

/// <summary>Text of a file and, when it was not plain UTF-8, a note saying how it was read.</summary>
public sealed record DecodedText(string Text, string? Note);

/// <summary>
/// Turns the bytes of a text file into text. UTF-8 is expected; a file that is not valid UTF-8 is read as
/// Windows-1252 rather than skipped, because legacy "ANSI" files are the usual cause, every byte has a meaning in
/// that code page (so no word is lost), and the note tells the moderator to re-save the file if the guess was wrong.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="InvalidSourceException">The bytes are not text (NUL bytes or mostly control characters).</exception>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8OrLegacy(bytes[3..]);
        }

        // UTF-16 is full of NUL bytes, so its byte-order mark must be honoured before the binary check.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes[2..]), null);
        }

        if (bytes.Contains((byte)0))
        {
            throw new InvalidSourceException("binary file (contains NUL bytes), not text");
        }

        if (ControlByteShare(bytes) > 0.1)
        {
            throw new InvalidSourceException("binary file (mostly control characters), not text");
        }

        return Utf8OrLegacy(bytes);
    }

    private static DecodedText Utf8OrLegacy(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return new DecodedText(StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return new DecodedText(Windows1252.GetString(bytes), "not valid UTF-8; read as Windows-1252 (re-save it as UTF-8 if characters look wrong)");
        }
    }

    private static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    private static double ControlByteShare(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return 0;
        }

        var control = 0;
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not (byte)'\f')
            {
                control++;
            }
        }

        return (double)control / bytes.Length;
    }
}
