// A TypeScript app's view of the API: types generated from openapi/v1.json by openapi-typescript, calls made with
// openapi-fetch. `tsc --strict` proves the generated types fit ordinary use (paths, parameters, fields, nullable
// objects, errors); running it against the published app proves the answers fit the types and agree with each other.
// Usage: node out/check.js BASE_URL
import createClient from "openapi-fetch";
import type { paths } from "./generated/api.js";


// The API answers JSON, JSON-LD and, for lists, CSV; an app that wants the JSON says so, or `data` is typed as the
// union of all three. Errors are problem details (application/problem+json): named too, or `error` is typed as the
// map of media types instead of the problem.
const api = createClient<paths, "application/json" | "application/problem+json">({ baseUrl: process.argv[2] });
const failures: string[] = [];
let checks = 0;
function check(ok: boolean, what: string): void {
  checks++;
  if (!ok) failures.push(what);
}
function ok<T>(what: string, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) throw new Error(`${what}: ${result.response.status} ${JSON.stringify(result.error)}`);
  return result.data;
}

// The tree: the plan's counts, the lists' totals, and each sub-measure fetched on its own agree.
const plan = ok("plan", await api.GET("/api/v1/plan"));
const goals = ok("goals", await api.GET("/api/v1/goals", { params: { query: { limit: 200 } } }));
const subMeasures = ok("sub-measures", await api.GET("/api/v1/sub-measures", { params: { query: { limit: 200 } } }));
check(goals.total === plan.counts.goals && goals.items.length === goals.total, `goals: ${goals.items.length} of ${goals.total}`);
check(subMeasures.total === plan.counts.subMeasures && subMeasures.items.length === subMeasures.total,
  `sub-measures: ${subMeasures.items.length} of ${subMeasures.total}`);
for (const item of subMeasures.items) {
  const one = ok(item.id, await api.GET("/api/v1/sub-measures/{id}", { params: { path: { id: item.id } } }));
  check(one.title === item.title && one.links.self === item.links.self, `sub-measure ${item.id}: item differs from the list`);
}

// English by the lang enum, and a repeated query parameter (theme) as openapi-fetch sends arrays.
const english = ok("lang=en", await api.GET("/api/v1/sub-measures", { params: { query: { limit: 200, lang: "en" } } }));
check(english.items.some((s) => (s.en?.title ?? "") !== ""), "lang=en: no English title");
const themed = async (theme: string[]) =>
  ok(theme.join(" "), await api.GET("/api/v1/sub-measures", { params: { query: { theme, limit: 200 } } })).items.map((s) => s.id);
const [eight, three, both] = [await themed(["sdgs:8"]), await themed(["sdgs:3"]), await themed(["sdgs:8", "sdgs:3"])];
const union = [...new Set([...eight, ...three])].sort();
check(JSON.stringify([...both].sort()) === JSON.stringify(union) && union.length > eight.length,
  `theme=sdgs:8&theme=sdgs:3 (OR within a scheme): ${both.length} items, the union of the two is ${union.length}`);

// KPIs: a nullable object is typed `| null`, and every KPI's list entry agrees with the KPI itself.
const kpis = ok("kpis", await api.GET("/api/v1/kpis", { params: { query: { limit: 200 } } }));
for (const kpi of kpis.items) {
  const one = ok(kpi.id, await api.GET("/api/v1/kpis/{id}", { params: { path: { id: kpi.id } } }));
  const baseline: number | null = one.baseline === null ? null : one.baseline.value;
  check(baseline === (kpi.baseline?.value ?? null) && one.observationCount === kpi.observationCount, `kpi ${kpi.id}: differs from the list`);
}

// Search (q is required: the generated type does not let a call leave it out), and a CSV download as text.
const found = ok("search", await api.GET("/api/v1/search", { params: { query: { q: "子育て" } } }));
check(found.total > 0 && found.items.every((r) => r.snippet.includes("<mark>")), "search 子育て: no marked results");
const csv = await api.GET("/api/v1/export/csv/{name}.csv", { params: { path: { name: "sub-measures" } }, parseAs: "text" });
check(csv.response.ok && (csv.data ?? "").split("\r\n").filter(Boolean).length - 1 === plan.counts.subMeasures, "export sub-measures.csv: not one row each");

// The changes feed: a change's fields are any JSON values, read as such (typed as an object with no members, they
// could not be read at all: every value was `never`).
const changes = ok("changes", await api.GET("/api/v1/changes", { params: { query: { limit: 5 } } }));
const fields = changes.items.flatMap((c) => Object.entries(c.after ?? {}).map(([name, value]) => `${name}=${JSON.stringify(value)}`));
check(changes.items.length > 0 && fields.length > 0, "changes: no fields in the first entries' after");

// What the document requires, the types require: neither call below may compile (tsc fails on an unused directive).
// @ts-expect-error q is required
void (() => api.GET("/api/v1/search", { params: { query: {} } }));
// @ts-expect-error a KPI is created from a body
void (() => api.POST("/api/v1/kpis", {}));

// Errors come back as the documented problem, typed as one: its fields are read as an app reads them, with no
// annotation (an annotation would accept the map of media types too, as ProblemDetails allows other members).
const missing = await api.GET("/api/v1/sub-measures/{id}", { params: { path: { id: "no-such-id" } } });
const detail: string | null | undefined = missing.error?.detail;
check(missing.response.status === 404 && missing.error?.status === 404 && (detail ?? "").includes("no-such-id"), `unknown sub-measure: ${missing.response.status}`);

console.log(`${checks} checks through the TypeScript client, ${failures.length} failed`);
for (const failure of failures) console.log(`  - ${failure}`);
process.exit(failures.length ? 1 : 0);
