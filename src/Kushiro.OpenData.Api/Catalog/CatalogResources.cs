namespace Kushiro.OpenData.Api.Catalog;

/// <summary>The data catalog (DCAT): what this API publishes, under which licence, in which formats.</summary>
public sealed record CatalogResource
{
    /// <summary>Title of the catalog.</summary>
    /// <example>第2期釧路市まち・ひと・しごと創生総合戦略 オープンデータ</example>
    public required string Title { get; init; }

    /// <summary>What the catalog holds (Japanese).</summary>
    /// <example>釧路市の第2期釧路市まち・ひと・しごと創生総合戦略の施策体系、数値目標・KPI、関連するコードリスト（Kushiro OpenData）。</example>
    public required string Description { get; init; }

    /// <summary>Who publishes the data.</summary>
    public required CatalogPublisher Publisher { get; init; }

    /// <summary>Language of the data (ISO 639-1).</summary>
    /// <example>ja</example>
    public required string Language { get; init; }

    /// <summary>When any of the data last changed: the latest of the datasets' dates.</summary>
    /// <example>2026-11-28T09:00:00+00:00</example>
    public required DateTimeOffset Modified { get; init; }

    /// <summary>How every CSV distribution is encoded (machine-readability rule L3-08: state the encoding and BOM).</summary>
    public required CsvPolicy Csv { get; init; }

    /// <summary>The datasets.</summary>
    public required IReadOnlyList<DatasetResource> Datasets { get; init; }
}

/// <summary>The publisher: a local government with its 全国地方公共団体コード.</summary>
public sealed record CatalogPublisher
{
    /// <summary>Name.</summary>
    /// <example>釧路市</example>
    public required string Name { get; init; }

    /// <summary>全国地方公共団体コード.</summary>
    /// <example>012068</example>
    public required string LocalGovernmentCode { get; init; }
}

/// <summary>How CSV files are encoded.</summary>
public sealed record CsvPolicy
{
    /// <summary>Character encoding.</summary>
    /// <example>UTF-8</example>
    public required string CharacterEncoding { get; init; }

    /// <summary>Whether files start with a byte order mark: yes, so that Excel on Japanese Windows reads UTF-8 right.</summary>
    /// <example>true</example>
    public required bool ByteOrderMark { get; init; }

    /// <summary>Line ends.</summary>
    /// <example>CRLF</example>
    public required string LineEnding { get; init; }

    /// <summary>More about the files' conventions.</summary>
    /// <example>先頭列は 全国地方公共団体コード,ID,地方公共団体名。</example>
    public required string Note { get; init; }
}

/// <summary>One dataset of the catalog.</summary>
public sealed record DatasetResource
{
    /// <summary>Stable name of the dataset.</summary>
    /// <example>policy-structure</example>
    public required string Id { get; init; }

    /// <summary>Title (Japanese).</summary>
    /// <example>施策体系（基本目標・施策・細節）</example>
    public required string Title { get; init; }

    /// <summary>What it holds (Japanese).</summary>
    /// <example>4つの基本目標、17の施策、47の細節。表記・説明は市の資料（第2期釧路市まち・ひと・しごと創生総合戦略 施策体系案）のとおり。</example>
    public required string Description { get; init; }

    /// <summary>Keywords (Japanese).</summary>
    /// <example>["地方創生", "総合戦略", "まちひとしごと創生", "施策体系", "釧路市"]</example>
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>Licence of the dataset.</summary>
    public required DatasetLicence Licence { get; init; }

    /// <summary>Rights beyond the licence: what parts are the city's and what is this project's.</summary>
    /// <example>市の文章は公共データ利用規約（第1.0版）(PDL1.0)。本プロジェクトによる追加（英語名、対応付け、構造化）はCC BY 4.0。</example>
    public required string Rights { get; init; }

    /// <summary>When the dataset's own data last changed (from the changes feed; not moved by a new build of the API).</summary>
    /// <example>2026-11-28T09:00:00+00:00</example>
    public required DateTimeOffset Modified { get; init; }

    /// <summary>Its distributions: JSON, JSON-LD and CSV.</summary>
    public required IReadOnlyList<DistributionResource> Distributions { get; init; }

    /// <summary>
    /// The theme concepts its items are mapped to, as <c>?theme=</c> names them: for the policy structure, its
    /// sub-measures' themes and its goals' alignments; for the KPIs, the themes of the sub-measures under what each KPI
    /// belongs to (none for the plan's own). The code lists themselves have none.
    /// </summary>
    /// <example>["sdgs:14", "fields:primary-industries"]</example>
    public required IReadOnlyList<string> Themes { get; init; }
}

/// <summary>A licence.</summary>
public sealed record DatasetLicence
{
    /// <summary>Name.</summary>
    /// <example>公共データ利用規約（第1.0版）(PDL1.0)</example>
    public required string Name { get; init; }

    /// <summary>URL of the licence text.</summary>
    /// <example>https://www.digital.go.jp/resources/open_data/public_data_license_v1.0</example>
    public required string Url { get; init; }
}

/// <summary>One way to get a dataset.</summary>
public sealed record DistributionResource
{
    /// <summary>Title.</summary>
    /// <example>細節（CSV）</example>
    public required string Title { get; init; }

    /// <summary>What it holds and how it is written (Japanese): for CSV files the catalog's CSV note.</summary>
    /// <example>UTF-8、BOM付き、改行CRLF（RFC 4180）。先頭列は 全国地方公共団体コード,ID,地方公共団体名。</example>
    public required string Description { get; init; }

    /// <summary>Media type.</summary>
    /// <example>text/csv</example>
    public required string MediaType { get; init; }

    /// <summary>Where to get it (root-relative).</summary>
    /// <example>/api/v1/export/csv/sub-measures.csv</example>
    public required string Url { get; init; }

    /// <summary>Whether the URL is a file to download whole (true) or an API to query (false).</summary>
    /// <example>true</example>
    public required bool Download { get; init; }

    /// <summary>
    /// When what the URL serves last changed: its dataset's date, or for the JSON-LD export and the CSV ZIP, which hold
    /// every dataset, the latest of all.
    /// </summary>
    /// <example>2026-11-28T09:00:00+00:00</example>
    public required DateTimeOffset Modified { get; init; }

    /// <summary>
    /// Licence of what the URL serves: its dataset's, except the JSON-LD export and the CSV ZIP, which hold every
    /// dataset and are one file wherever they are listed, under CC BY 4.0 (see rights).
    /// </summary>
    public required DatasetLicence Licence { get; init; }

    /// <summary>Rights beyond the licence, for a file that holds every dataset: whose each part is; otherwise null.</summary>
    /// <example>null</example>
    public required string? Rights { get; init; }
}
