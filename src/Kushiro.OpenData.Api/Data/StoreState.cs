namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// One row describing what the store holds: the hash of the seed it was last synced from and when its
/// content last changed (served as Last-Modified).
/// </summary>
public sealed class StoreState
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public required string SeedHash { get; set; }
    public DateTimeOffset LastModified { get; set; }
}
