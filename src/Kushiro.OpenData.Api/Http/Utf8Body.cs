using System.Buffers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Says where a request body stops being UTF-8, and whether it only stops in the middle of a character at its end.
/// The second is a body cut short (a client that truncated its buffer, a broken upload), not one in another encoding:
/// telling such a sender to "send UTF-8" sent them looking at the wrong thing.
/// </summary>
public static class Utf8Body
{
    /// <summary>Where the text breaks: the 1-based byte and whether the body ends inside a character there.</summary>
    public readonly record struct Break(int Byte, bool EndsInsideCharacter);

    /// <summary>Null when every byte is UTF-8.</summary>
    public static Break? Find(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }
        // Not the final block: the decoder then stops before a character that is well begun but not finished (NeedMoreData)
        // instead of calling its bytes invalid. Only on the failing path, so the buffer costs nothing on good bodies.
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false, isFinalBlock: false);
        return new Break(read + 1, status == OperationStatus.NeedMoreData);
    }
}
