namespace Kushiro.OpenData.Api.Data.Seed;

/// <summary>全国地方公共団体コード: five digits plus a JIS X 0402 check digit.</summary>
public static class LocalGovernmentCode
{
    /// <summary>Check digit: weights 6,5,4,3,2 over the first five digits; 11 minus the sum mod 11, last digit.</summary>
    public static int CheckDigit(ReadOnlySpan<char> firstFive)
    {
        var sum = 0;
        for (var i = 0; i < 5; i++)
        {
            sum += (firstFive[i] - '0') * (6 - i);
        }
        return (11 - (sum % 11)) % 10;
    }

    public static bool IsValid(string? code) =>
        code is { Length: 6 }
        && code.All(char.IsAsciiDigit)
        && CheckDigit(code.AsSpan(0, 5)) == code[5] - '0';
}
