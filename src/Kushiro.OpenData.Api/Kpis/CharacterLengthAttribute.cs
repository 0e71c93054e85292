using System.ComponentModel.DataAnnotations;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// <see cref="StringLengthAttribute"/> counted in characters (code points), as the contract's <c>maxLength</c> is
/// (JSON Schema counts characters): 𠮷 or 𩸽 (ほっけ) is one character but two UTF-16 units, and the framework's
/// attribute counted two, refusing a body that a client checking the schema had just accepted. A subclass, so
/// the OpenAPI document still shows the bounds.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class CharacterLengthAttribute(int maximumLength) : StringLengthAttribute(maximumLength)
{
    public override bool IsValid(object? value)
    {
        if (value is not string text)
        {
            // No value is for [Required] to judge.
            return base.IsValid(value);
        }
        // As the base class does for any value: bounds set wrong (a minimum above the maximum) throw.
        _ = base.IsValid(null);
        var characters = text.EnumerateRunes().Count();
        return characters >= MinimumLength && characters <= MaximumLength;
    }

    // Not the framework's "The field Unit must be a string with …": no C# property names, and what is counted.
    public override string FormatErrorMessage(string name) => MinimumLength > 0
        ? $"Must be {MinimumLength} to {MaximumLength} characters long."
        : $"Must be at most {MaximumLength} characters long.";
}
