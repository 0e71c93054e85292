namespace Kushiro.OpenData.Api.Labels;

/// <summary>An English title (and, for sub-measures, a short description): this project's own translation.</summary>
public sealed record EnglishLabel(string Level, string Id, string Title, string? Description);

/// <summary>
/// The English labels of seed/english-labels.json, held in memory by each app (a singleton): read at start with
/// the seed, changed only with it. Resources reach this app's instance while they serialize through
/// <see cref="LanguageScope"/>.
/// </summary>
public sealed class EnglishLabels
{
    private volatile Dictionary<(string Level, string Id), EnglishLabel> byId = [];

    public void Load(IEnumerable<EnglishLabel> labels) => byId = labels.ToDictionary(l => (l.Level, l.Id));

    public EnglishLabel? For(string level, string id) => byId.GetValueOrDefault((level, id));
}

/// <summary>The English of one item as served: its title, its description where it has one, and whose it is.</summary>
public sealed record EnglishLabelResource
{
    /// <summary>English title.</summary>
    /// <example>Build a sustainable city</example>
    public required string Title { get; init; }

    /// <summary>Short English description (sub-measures only), a summary of the Japanese, not a full translation.</summary>
    /// <example>null</example>
    public required string? Description { get; init; }

    /// <summary>Always <c>editorial</c>: this project's translation, not the city's.</summary>
    /// <example>editorial</example>
    public required string Provenance { get; init; }

    // Whose every English label is: this project's translation.
    internal const string EditorialProvenance = "editorial";

    /// <summary>The English of a goal, measure or sub-measure, when the request asked for English; null otherwise.</summary>
    internal static EnglishLabelResource? ForRequest(string level, string id)
    {
        if (!LanguageScope.AskEnglish() || LanguageScope.Labels?.For(level, id) is not { } label)
        {
            return null;
        }
        LanguageScope.EnglishServed();
        return new EnglishLabelResource { Title = label.Title, Description = label.Description, Provenance = EditorialProvenance };
    }
}
