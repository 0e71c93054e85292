using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Paging;

/// <summary>The paging parameters every list takes.</summary>
public sealed class PageQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>How many items to return: 1 to 200.</summary>
    /// <example>50</example>
    [FromQuery(Name = "limit"), Range(1, MaxLimit, ErrorMessage = "\"limit\" must be a whole number from 1 to 200.")]
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>How many items to skip from the start of the list: 0 or more.</summary>
    /// <example>0</example>
    [FromQuery(Name = "offset"), Range(0, int.MaxValue, ErrorMessage = "\"offset\" must be a whole number from {1} to {2}.")]
    public int Offset { get; init; }
}
