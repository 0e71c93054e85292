using System.Text;
using GraphQL;
using GraphQL.Execution;
using Kushiro.OpenData.Api.GraphQL;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>
/// The cap on a GraphQL answer's bytes holds exactly: an answer of the cap's size is sent whole, as GraphQL.NET's
/// serializer writes it, and one byte more is refused, whatever room the JSON writer asks for on the way (it asks
/// for 4 KB at a time, and three bytes for each character of a string).
/// </summary>
public sealed class CappedAnswerBufferTests
{
    private static readonly AnswerSerializer Serializer = new(new ErrorInfoProvider());

    [Theory]
    [InlineData(10)]
    [InlineData(5_000)]
    [InlineData(40_000)]
    public void AnAnswerOfTheCapsSizeIsWrittenWholeAsTheSerializerWritesIt(int characters)
    {
        var result = Answer(characters);
        var expected = Encoding.UTF8.GetBytes(Serializer.Serialize(result));
        using var buffer = new CappedAnswerBuffer(expected.Length);

        buffer.Serialize(result, Serializer.Options);

        Assert.Equal(expected, buffer.Written.ToArray());
    }

    [Theory]
    [InlineData(10)]
    [InlineData(5_000)]
    [InlineData(40_000)]
    public void OneByteOverTheCapIsRefused(int characters)
    {
        var result = Answer(characters);
        using var buffer = new CappedAnswerBuffer(Encoding.UTF8.GetByteCount(Serializer.Serialize(result)) - 1);

        Assert.Throws<CappedAnswerBuffer.FullException>(() => buffer.Serialize(result, Serializer.Options));
    }

    // An error message of Japanese characters, three bytes each in UTF-8.
    private static ExecutionResult Answer(int characters) => new() { Errors = [new ExecutionError(new string('注', characters))] };
}
