using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// What a body field must be, said from the .NET type the JSON reader could not convert its value to ("The JSON value
/// could not be converted to System.String"). "Has the wrong type for this field" sent a client to the OpenAPI
/// document to find out that goalId is a string; "Must be a string" says it where the error is.
/// </summary>
public static class ExpectedJsonValue
{
    /// <summary>The message for a value that is not of <paramref name="typeName"/> (as the reader names it), or null for a type this cannot say in JSON's terms.</summary>
    public static string? Message(string typeName)
    {
        var name = typeName.StartsWith("System.Nullable`1[", StringComparison.Ordinal) ? typeName["System.Nullable`1[".Length..^1] : typeName;
        return name switch
        {
            "System.String" => "Must be a string (text in double quotes).",
            "System.Decimal" or "System.Double" or "System.Single" or "System.Int32" or "System.Int64" => "Must be a number.",
            "System.Boolean" => "Must be true or false.",
            _ when name.EndsWith("[]", StringComparison.Ordinal) || name.StartsWith("System.Collections.Generic.", StringComparison.Ordinal) => "Must be an array.",
            _ when typeof(ExpectedJsonValue).Assembly.GetType(name) is { IsClass: true } type => $"Must be an object with the fields {string.Join(", ", FieldNames(type))}.",
            _ => null,
        };
    }

    // As the body spells them: camelCase, as the API's JSON options write them, unless a property names itself.
    private static IEnumerable<string> FieldNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name));
}
