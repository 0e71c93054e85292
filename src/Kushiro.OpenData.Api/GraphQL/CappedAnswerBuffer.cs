using System.Buffers;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// A GraphQL answer, serialized in full before any of it is sent, in arrays from the shared pool, up to a cap
/// (<see cref="GraphQLLimits.MaxAnswerBytes"/>). The complexity price counts items, not their bytes: a staff KPI of 300
/// figures with long notes, under 83 aliases, had made a 150 MB answer of a 3 KB request, and four such requests had
/// taken the server to 2.2 GB (a security review). Serialized first, an answer over the cap can still be refused as
/// a GraphQL error, since nothing of it has been sent.
/// </summary>
public sealed class CappedAnswerBuffer(int cap) : Stream
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int length;

    /// <summary>Thrown by a write that would take the answer over the cap.</summary>
    public sealed class FullException() : IOException("The answer is over its cap.");

    public ReadOnlyMemory<byte> Written => buffer.AsMemory(0, length);

    public void Clear() => length = 0;

    public override void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > cap - length)
        {
            throw new FullException();
        }
        if (bytes.Length > buffer.Length - length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(length + bytes.Length, 2 * buffer.Length));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => length;

    public override long Position
    {
        get => length;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
            length = 0;
        }
        base.Dispose(disposing);
    }
}
