namespace Kushiro.OpenData.Api.Data;

/// <summary>The hash of the seed this server read at start, from which it serves what the store does not hold.</summary>
public sealed class ServedSeed
{
    public string? Hash { get; set; }

    /// <summary>The other seed last logged as being in the store, so each is logged once.</summary>
    internal string? LoggedOtherSeed;
}
