using System.Buffers;
using System.Text.Json;
using GraphQL;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// A GraphQL answer, serialized in full before any of it is sent, into arrays from the shared pool, up to a cap
/// (<see cref="GraphQLLimits.MaxAnswerBytes"/>). The complexity price counts items, not their bytes: a staff KPI of 300
/// figures with long notes, under 83 aliases, had made a 150 MB answer of a 3 KB request, and four such requests had
/// taken the server to 2.2 GB (a security review). The JSON writer commits to this buffer as it writes, so the cap
/// stops the serialization itself: System.Text.Json writing to a stream would first build the whole answer in a
/// buffer of its own (GraphQL.NET's result converter cannot be suspended part-way). Nothing has been sent yet, so
/// an answer over the cap can still be refused as a GraphQL error.
/// </summary>
public sealed class CappedAnswerBuffer(int cap) : IBufferWriter<byte>, IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int length;

    /// <summary>Thrown when the writer commits bytes past the cap.</summary>
    public sealed class FullException() : Exception("The answer is over its cap.");

    public ReadOnlyMemory<byte> Written => buffer.AsMemory(0, length);

    public void Clear() => length = 0;

    /// <summary>The result as GraphQL.NET's serializer writes it, with its options (encoder included).</summary>
    public void Serialize(ExecutionResult result, JsonSerializerOptions options)
    {
        using var writer = new Utf8JsonWriter(this, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented });
        JsonSerializer.Serialize(writer, result, options);
    }

    // The writer asks for more room than it fills (4 KB at a time, three bytes for each character of a string): the
    // cap holds the bytes it commits (Advance), so an answer just under the cap is sent whole, and room is handed out
    // past the cap by at most what was asked.
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        var needed = Math.Max(sizeHint, 1);
        if (needed > buffer.Length - length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(length + needed, Math.Min(2 * buffer.Length, cap)));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
        return buffer.AsMemory(length);
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - length);
        length += count;
        if (length > cap)
        {
            throw new FullException();
        }
    }

    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
            length = 0;
        }
    }
}
