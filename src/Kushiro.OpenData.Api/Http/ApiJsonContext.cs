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
/// contract by reflection on its first use and emits accessor methods that the JIT then compiles: work that the first
/// request of each kind paid for after every start. Types not listed here (problem details, staff request bodies)
/// keep the reflection contracts that follow this one in the resolver chain; the options (names, encoder, number
/// handling) are MVC's either way, so the bytes are the same.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
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
