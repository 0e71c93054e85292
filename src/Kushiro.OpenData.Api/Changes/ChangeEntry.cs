namespace Kushiro.OpenData.Api.Changes;

/// <summary>
/// One change to what the API serves, written in the same transaction as the change itself: by a seed import
/// (actor "seed") or through the write path (actor "key:{id}"). It is both the audit trail and the feed
/// behind /api/v1/changes.
/// </summary>
public sealed class ChangeEntry
{
    /// <summary>Increases with every entry: a poller's exact bookmark.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset Time { get; set; }

    /// <summary>"seed", or "key:{id}" for the API key that made the change.</summary>
    public required string Actor { get; set; }

    /// <summary>created, updated or deleted.</summary>
    public required string Action { get; set; }
    public required string ResourceType { get; set; }
    public required string ResourceId { get; set; }

    /// <summary>The changed fields before and after, as JSON objects (null for a creation / deletion).</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
}
