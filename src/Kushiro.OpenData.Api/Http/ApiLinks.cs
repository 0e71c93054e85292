namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Links are root-relative (they resolve against the request URL), so a response's bytes do not depend
/// on the host name it was asked under and can be cached and mirrored as they are.
/// </summary>
public static class ApiLinks
{
    public const string V1 = "/api/v1";

    public static string Plan => $"{V1}/plan";
    public static string SourceDocument => $"{V1}/plan/source-document";
    public static string Goals => $"{V1}/goals";
    public static string Goal(string id) => $"{V1}/goals/{id}";
    public static string Measures => $"{V1}/measures";
    public static string MeasuresOfGoal(string goalId) => $"{V1}/measures?goal={goalId}";
    public static string Measure(string id) => $"{V1}/measures/{id}";
    public static string SubMeasures => $"{V1}/sub-measures";
    public static string SubMeasuresOfGoal(string goalId) => $"{V1}/sub-measures?goal={goalId}";
    public static string SubMeasuresOfMeasure(string measureId) => $"{V1}/sub-measures?measure={measureId}";
    public static string SubMeasure(string id) => $"{V1}/sub-measures/{id}";
    public static string Kpis => $"{V1}/kpis";
    public static string Kpi(string id) => $"{V1}/kpis/{id}";
    public static string KpiObservations(string id) => $"{V1}/kpis/{id}/observations";
    public static string Changes => $"{V1}/changes";
    public static string Themes => $"{V1}/themes";
    public static string Catalog => $"{V1}/catalog";
    public static string ThemeScheme(string scheme) => $"{V1}/themes/{scheme}";
    public static string ThemeConcept(string scheme, string code) => $"{V1}/themes/{scheme}/{code}";
    public static string ThemeConceptSubMeasures(string scheme, string code) => $"{ThemeConcept(scheme, code)}/sub-measures";
}
