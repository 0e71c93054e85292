using System.Net.Mime;
using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Csv;
using Kushiro.OpenData.Api.LinkedData;

namespace Kushiro.OpenData.Api.Catalog;

/// <summary>The catalog as DCAT: dcat:Catalog → dcat:Dataset → dcat:Distribution, with licences and encodings.</summary>
public static class CatalogDocuments
{
    public static JsonObject Catalog(LinkedDataIris iris, CatalogResource catalog, Themes.ThemeCatalog themes) => new()
    {
        ["id"] = iris.Catalog,
        ["type"] = "Catalog",
        ["表記"] = catalog.Title,
        ["説明"] = catalog.Description,
        // DCAT harvesters read dct:title and dct:description; IMI readers 表記 and 説明.
        ["title"] = catalog.Title,
        ["description"] = catalog.Description,
        // Described here, not only named: a DCAT harvester (CKAN's ckanext-dcat) takes the publisher's name from
        // foaf:name in the catalog it reads and follows no IRI; IMI readers take 表記.
        ["publisher"] = new JsonObject
        {
            ["id"] = iris.LocalGovernment(catalog.Publisher.LocalGovernmentCode),
            ["type"] = new JsonArray("組織型", "Agent"),
            ["表記"] = catalog.Publisher.Name,
            ["name"] = catalog.Publisher.Name,
        },
        ["language"] = "http://id.loc.gov/vocabulary/iso639-1/" + catalog.Language,
        ["modified"] = Http.DateTimeText.Format(catalog.Modified),
        ["themeTaxonomy"] = StrategyDocuments.Iris(themes.Schemes.Select(s => iris.Scheme(s.Id))),
        ["datasets"] = new JsonArray([.. catalog.Datasets.Select(d => (JsonNode)Dataset(iris, catalog, d))]),
        // The APIs themselves, so that a portal can list "available by API" beside the downloads (DCAT's data services).
        ["service"] = new JsonArray(
            // The OpenAPI document's server is "/", its paths whole (/api/v1/goals): the endpoint is the origin's root.
            Service(iris, catalog, RestService, "Kushiro OpenData REST API (v1)", "/", "/openapi/v1.json",
                "バージョン付きのREST API。一覧はページ単位（limit、offset）、テーマ・全文検索・変更履歴、JSON・JSON-LD・CSV。契約はOpenAPI文書のとおり。"),
            Service(iris, catalog, GraphQLService, "Kushiro OpenData GraphQL", GraphQL.GraphQLEndpoint.Path, GraphQL.GraphQLEndpoint.Path + "/schema.graphql",
                "GraphQL over HTTP のエンドポイント（POST、問い合わせはGETも可）。スキーマはSDLのとおり。")),
    };

    private const string RestService = "service/rest-v1";
    private const string GraphQLService = "service/graphql";

    // endpoint and describedAt are root-relative; about is the service's description in words.
    private static JsonObject Service(LinkedDataIris iris, CatalogResource catalog, string fragment, string title, string endpoint, string describedAt, string about) => new()
    {
        ["id"] = LinkedDataIris.Part(iris.Catalog, fragment),
        ["type"] = "DataService",
        // The services' names have no Japanese in them: no @ja (the context's default for these terms).
        ["表記"] = LinkedData.StaffText.Literal(title),
        ["説明"] = about,
        ["title"] = LinkedData.StaffText.Literal(title),
        ["description"] = about,
        ["endpointURL"] = iris.Api(endpoint),
        ["endpointDescription"] = iris.Api(describedAt),
        ["servesDataset"] = StrategyDocuments.Iris(catalog.Datasets.Select(d => iris.Dataset(d.Id))),
    };

    private static JsonObject Dataset(LinkedDataIris iris, CatalogResource catalog, DatasetResource d) => new()
    {
        ["id"] = iris.Dataset(d.Id),
        ["type"] = "Dataset",
        ["identifier"] = d.Id,
        ["表記"] = d.Title,
        ["説明"] = d.Description,
        ["title"] = d.Title,
        ["description"] = d.Description,
        ["keyword"] = new JsonArray([.. d.Keywords.Select(k => (JsonNode)JsonValue.Create(k)!)]),
        ["publisher"] = iris.LocalGovernment(catalog.Publisher.LocalGovernmentCode),
        ["license"] = d.Licence.Url,
        ["rights"] = StrategyDocuments.RightsStatement(LinkedDataIris.Part(iris.Dataset(d.Id), "rights"), d.Rights),
        ["modified"] = Http.DateTimeText.Format(d.Modified),
        ["spatial"] = LinkedDataIris.StatisticalArea(catalog.Publisher.LocalGovernmentCode),
        // From the catalog's themeTaxonomy, so that a portal's theme search finds the dataset.
        ["theme"] = StrategyDocuments.Iris(d.Themes.Select(t => t.Split(':')).Select(t => iris.Concept(t[0], t[1]))),
        ["distributions"] = new JsonArray([.. d.Distributions.Select(x => (JsonNode)Distribution(iris, catalog, d, x))]),
    };

    private static JsonObject Distribution(LinkedDataIris iris, CatalogResource catalog, DatasetResource dataset, DistributionResource d)
    {
        var node = new JsonObject
        {
            ["id"] = DistributionIri(iris, dataset, d),
            ["type"] = "Distribution",
            ["表記"] = d.Title,
            ["説明"] = d.Description,
            ["title"] = d.Title,
            ["description"] = d.Description,
            ["license"] = d.Licence.Url,
            ["mediaType"] = "https://www.iana.org/assignments/media-types/" + d.MediaType,
            // The format's common name as well (DCAT-AP recommends dct:format): CKAN's harvester took the media type's
            // IRI for the resource's format, and its CSV preview and DataStore, which look for "CSV", never started.
            ["format"] = FormatNames[d.MediaType],
            ["accessURL"] = iris.Api(d.Url),
            ["modified"] = Http.DateTimeText.Format(d.Modified),
        };
        if (d.Download)
        {
            node["downloadURL"] = iris.Api(d.Url);
        }
        else
        {
            node["accessService"] = LinkedDataIris.Part(iris.Catalog, RestService);
        }
        if (d.Rights is { } rights)
        {
            // One statement for one file, however many datasets list it.
            node["rights"] = StrategyDocuments.RightsStatement(LinkedDataIris.Part(iris.Catalog, $"rights/{BelowVersion(d.Url)}"), rights);
        }
        if (d.MediaType == CsvFormat.MediaType)
        {
            node["characterEncoding"] = catalog.Csv.CharacterEncoding;
            node["byteOrderMark"] = catalog.Csv.ByteOrderMark;
        }
        return node;
    }

    private static readonly Dictionary<string, string> FormatNames = new()
    {
        [MediaTypeNames.Application.Json] = "JSON",
        [JsonLdTemplates.MediaType] = "JSON-LD",
        [CsvFormat.MediaType] = "CSV",
        [MediaTypeNames.Application.Zip] = "ZIP",
    };

    /// <summary>
    /// A distribution's IRI: its dataset's, with the distribution's URL below the API version as fragment
    /// (<c>…/id/dataset/kpis#export/csv/kpis.csv</c>). Blank nodes could not be matched from one harvest to the next;
    /// and one file listed under two datasets is two distributions (under one licence: the file's). A fragment
    /// dereferences as its dataset does.
    /// </summary>
    private static string DistributionIri(LinkedDataIris iris, DatasetResource dataset, DistributionResource d) =>
        $"{iris.Dataset(dataset.Id)}#{BelowVersion(d.Url)}";

    // A distribution's URL below /api/v1/: export/csv.zip.
    private static string BelowVersion(string url) => url[(Http.ApiLinks.V1.Length + 1)..];
}
