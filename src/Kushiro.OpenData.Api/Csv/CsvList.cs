using System.Collections;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.Csv;

/// <summary>One column of a list's CSV: its header and its value in a row (null is an empty field).</summary>
public sealed record CsvColumn<TRow>(string Header, Func<TRow, string?> Value);

/// <summary>
/// How one kind of list is written as CSV. Every row starts with the plan municipality's 全国地方公共団体コード, the row's
/// own stable ID and the municipality's name (the leading columns of the Digital Agency's recommended datasets),
/// then the list's own columns.
/// </summary>
public abstract class CsvList
{
    public static readonly IReadOnlyList<string> LeadingHeaders = ["全国地方公共団体コード", "ID", "地方公共団体名"];

    /// <summary>The type of the items of the pages this list writes.</summary>
    public abstract Type ItemType { get; }

    /// <summary>Every header, the leading three included.</summary>
    public abstract IReadOnlyList<string> Headers { get; }

    public abstract IEnumerable<IEnumerable<string?>> Rows(IEnumerable items, MunicipalityNode municipality, HttpContext http);

    /// <summary>A list whose items are its rows.</summary>
    public static CsvList Of<TItem>(Func<TItem, string> id, params CsvColumn<TItem>[] columns) =>
        new CsvList<TItem, TItem>((item, _) => item, id, columns);

    /// <summary>A list whose rows add to each item what the request knows about the whole page (see <see cref="FigureRow"/>).</summary>
    public static CsvList Of<TItem, TRow>(Func<TItem, HttpContext, TRow> row, Func<TRow, string> id, params CsvColumn<TRow>[] columns) =>
        new CsvList<TItem, TRow>(row, id, columns);
}

public sealed class CsvList<TItem, TRow> : CsvList
{
    private readonly Func<TItem, HttpContext, TRow> row;
    private readonly Func<TRow, string> id;
    private readonly IReadOnlyList<CsvColumn<TRow>> columns;

    public CsvList(Func<TItem, HttpContext, TRow> row, Func<TRow, string> id, IReadOnlyList<CsvColumn<TRow>> columns)
    {
        this.row = row;
        this.id = id;
        this.columns = columns;
        Headers = [.. LeadingHeaders, .. columns.Select(c => c.Header)];
    }

    public override Type ItemType => typeof(TItem);

    public override IReadOnlyList<string> Headers { get; }

    public override IEnumerable<IEnumerable<string?>> Rows(IEnumerable items, MunicipalityNode municipality, HttpContext http) =>
        items.Cast<TItem>()
            .Select(item => row(item, http))
            .Select(r => (IEnumerable<string?>)[municipality.LocalGovernmentCode, id(r), municipality.Name, .. columns.Select(c => c.Value(r))]);
}
