using GraphQL.Types;
using Kushiro.OpenData.Api.Http;

namespace Kushiro.OpenData.Api.GraphQL.Types;

/// <summary>
/// GraphQL.NET's <c>DateTimeOffset</c> scalar, under the same name, writing times as every other answer does
/// (<see cref="DateTimeText"/>): its own format drops trailing zeros (<c>.1181</c>), which Python's
/// <c>datetime.fromisoformat</c> before 3.11 refuses, and REST writes the same instant <c>.118100</c>.
/// </summary>
public sealed class DateTimeTextGraphType : DateTimeOffsetGraphType
{
    // The built-in scalar's name, so the schema and clients' scalar mappings stay as they were.
    public DateTimeTextGraphType() => Name = "DateTimeOffset";

    public override object? Serialize(object? value) => value is DateTimeOffset time ? DateTimeText.Format(time) : base.Serialize(value);
}
