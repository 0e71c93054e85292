using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// What a body field must be, said from the .NET type the JSON reader could not convert its value to ("The JSON value
/// could not be converted to System.String"). "Has the wrong type for this field" sent a client to the OpenAPI
/// document to find out that goalId is a string; "Must be a string" says it where the error is. Only the kinds the
/// request bodies have are said: texts, and the bodies' own objects (numbers go through Kpis/ExactDecimalConverter.cs,
/// which says so itself).
/// </summary>
public static class ExpectedJsonValue
{
    private const string Nullable = "System.Nullable`1[";

    /// <summary>The message for a value that is not of <paramref name="typeName"/> (as the reader names it), or null for a type this does not describe.</summary>
    public static string? Message(string typeName)
    {
        var name = typeName.StartsWith(Nullable, StringComparison.Ordinal) && typeName.EndsWith(']') ? typeName[Nullable.Length..^1] : typeName;
        return name == "System.String" ? "Must be a string (text in double quotes)."
            : BodyType(name) is { } type ? $"Must be an object with the fields {string.Join(", ", FieldNames(type))}."
            : null;
    }

    // A request body's own types, and only those: they refuse unknown members (JsonUnmappedMemberHandling), which no
    // other class here declares. Any class of the app would have had its properties listed to a client who wrote its
    // name into the text the reader quotes.
    private static Type? BodyType(string name) =>
        typeof(ExpectedJsonValue).Assembly.GetType(name) is { IsClass: true } type && type.GetCustomAttribute<JsonUnmappedMemberHandlingAttribute>() is not null
            ? type
            : null;

    // As the body spells them: camelCase, as the API's JSON options write them, unless a property names itself.
    private static IEnumerable<string> FieldNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name));
}
