namespace Kushiro.OpenData.Api.LinkedData;

/// <summary>
/// What the store served and what the in-memory read model holds differ for a moment (another instance's change on a
/// shared store): answered 503 with Retry-After (Http/StoreUnavailableExceptionHandler.cs), as retrying is right.
/// </summary>
public sealed class ReadModelBehindException(string message) : Exception(message);
