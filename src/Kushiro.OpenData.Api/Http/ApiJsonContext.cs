using System.Text.Json;
using System.Text.Json.Serialization;
using Kushiro.OpenData.Api.Catalog;
using Kushiro.OpenData.Api.Changes;
using Kushiro.OpenData.Api.Kpis;
using Kushiro.OpenData.Api.Paging;
using Kushiro.OpenData.Api.Search;
using Kushiro.OpenData.Api.Strategy;
using Kushiro.OpenData.Api.Themes;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// The REST answers' JSON contracts, generated at build time. Without them, System.Text.Json builds each type's
/// contract on its first use and emits an accessor for each property, which the JIT then compiles: work the first
/// request of each kind paid after every start. Staff request bodies keep the reflection contracts that follow this
/// one in MVC's resolver chain. Names, encoder and number handling are MVC's options either way, so the bytes are
/// the same (GeneratedJsonContractTests).
/// </summary>
/// <remarks>
/// Metadata only: the generator's fast-path writers apply only under the context's own options, and MVC's differ
/// (its encoder), so they would never run. Web defaults are kept so the context's own options match MVC's anyway.
/// </remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(Page<GoalSummary>))]
[JsonSerializable(typeof(GoalDetail))]
[JsonSerializable(typeof(Page<MeasureSummary>))]
[JsonSerializable(typeof(MeasureDetail))]
[JsonSerializable(typeof(Page<SubMeasureResource>))]
[JsonSerializable(typeof(SubMeasureResource))]
[JsonSerializable(typeof(PlanResource))]
[JsonSerializable(typeof(Page<KpiResource>))]
[JsonSerializable(typeof(KpiResource))]
[JsonSerializable(typeof(Page<KpiFigureResource>))]
[JsonSerializable(typeof(Page<ThemeSchemeSummary>))]
[JsonSerializable(typeof(ThemeSchemeDetail))]
[JsonSerializable(typeof(ThemeConceptDetail))]
[JsonSerializable(typeof(Page<SearchResultResource>))]
[JsonSerializable(typeof(Page<ChangeResource>))]
[JsonSerializable(typeof(CatalogResource))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
