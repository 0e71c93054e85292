// Usage: STAFF_KEY=... node check.mjs OPENAPI_JSON BASE_URL
// Holds the API's answers to its own contract, as a client generated from openapi/v1.json would meet them: every
// answer's status must be one its operation documents, its media type one documented for that status, and a JSON
// body must validate against the documented schema (openapi-response-validator, ajv underneath). The contract test
// in the xunit suite proves the served document is the committed one; this proves the document describes the answers.
//
// What is asked: every GET operation with its documented examples, in each media type it lists; every link found in
// the answers (so every goal, measure, sub-measure, KPI and theme concept is fetched); bad and unknown parameters,
// unknown IDs and an unacceptable Accept; and the write path with a staff key (create, figures, update, delete) and
// without one.
import { readFileSync } from "node:fs";
import validatorPackage from "openapi-response-validator";

const OpenAPIResponseValidator = validatorPackage.default ?? validatorPackage;
const [documentPath, baseUrl] = process.argv.slice(2);
const base = baseUrl.replace(/\/$/, "");
const key = process.env.STAFF_KEY;
if (!key) throw new Error("STAFF_KEY (an API key with kpi:write) is required");
const document = JSON.parse(readFileSync(documentPath, "utf8"));
const components = asChecked(document.components);

/**
 * The document's schemas, stricter in one way: an object may have only the properties the document lists. A field it
 * does not describe is a failure, since a generated client would drop it.
 */
function asChecked(node) {
  if (Array.isArray(node)) return node.map(asChecked);
  if (node === null || typeof node !== "object") return node;
  const copy = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, asChecked(v)]));
  if (copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

// Operations by method, each with a pattern for its path template (a parameter is one path segment).
const operations = [];
for (const [template, pathItem] of Object.entries(document.paths)) {
  for (const [method, operation] of Object.entries(pathItem)) {
    const pattern = new RegExp("^" + template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+") + "$");
    operations.push({ method: method.toUpperCase(), template, pattern, operation });
  }
}
function operationFor(method, path) {
  const found = operations.filter((o) => o.method === method && o.pattern.test(path));
  if (found.length > 1) throw new Error(`${method} ${path} matches ${found.map((o) => o.template).join(" and ")}`);
  return found[0];
}

const failures = [];
const seen = new Set();
let answers = 0;

/** One request, held to its operation's documented responses; returns the parsed JSON body when there is one. */
async function ask(method, url, { headers = {}, body, rawBody, expect } = {}) {
  const path = url.split("?")[0];
  const found = operationFor(method, decodeURIComponent(path));
  const where = `${method} ${url}${headers.Accept ? ` (Accept: ${headers.Accept})` : ""}`;
  if (!found) throw new Error(`no operation in the document for ${method} ${path}`);
  const response = await fetch(base + url, {
    method,
    headers: { ...headers, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : rawBody,
  });
  const text = await response.text();
  answers++;
  const status = String(response.status);
  const fail = (what) => failures.push(`${where} → ${status}: ${what}`);
  if (expect && !expect.includes(response.status)) fail(`expected ${expect.join(" or ")}; body ${text.slice(0, 300)}`);
  const documented = found.operation.responses[status] ?? found.operation.responses.default;
  if (!documented) return fail(`status not documented for ${found.operation.operationId} (${Object.keys(found.operation.responses)})`);
  const mediaType = (response.headers.get("content-type") ?? "").split(";")[0].trim();
  if (!documented.content) return text.length ? fail(`a body where the document has none: ${text.slice(0, 200)}`) : undefined;
  const content = documented.content[mediaType];
  if (!content) return fail(`media type "${mediaType}" not documented (${Object.keys(documented.content)})`);
  if (!/[/+]json$/.test(mediaType)) return;
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return fail("not JSON");
  }
  if (content.schema) {
    const validator = new OpenAPIResponseValidator({
      responses: { [status]: { description: documented.description, content: { "application/json": content } } },
      components,
      validateFormats: false,
    });
    const errors = validator.validateResponse(status, json);
    if (errors) fail(`body does not match ${content.schema.$ref ?? "its schema"}: ${JSON.stringify(errors.errors.slice(0, 5))}`);
  }
  return json;
}

/** Every API path a JSON answer links to (links, self, next, relisting targets...). */
function linksIn(node, found = []) {
  if (typeof node === "string" && node.startsWith("/api/v1/")) found.push(node);
  else if (node && typeof node === "object") for (const value of Object.values(node)) linksIn(value, found);
  return found;
}

const exampleOf = (parameter) => parameter.example ?? parameter.schema?.example;
const freeText = new Set(["q"]);
const queue = [];
const maxUrls = 1500; // far above what the data links to (about 300): reaching it means links that never end
const visit = (url) => {
  if (seen.has(url)) return;
  if (seen.size >= maxUrls) throw new Error(`more than ${maxUrls} distinct URLs linked; the crawl would not cover them all`);
  seen.add(url);
  queue.push(url);
};

// 1. Every GET operation: its examples (required parameters always given), each optional query parameter alone and
// all together, each media type, and bad input.
const url = (path, pairs) => (pairs.length ? `${path}?${pairs.join("&")}` : path);
for (const { method, template, operation } of operations.filter((o) => o.method === "GET")) {
  const parameters = operation.parameters ?? [];
  let path = template;
  for (const p of parameters.filter((p) => p.in === "path")) path = path.replace(`{${p.name}}`, encodeURIComponent(exampleOf(p)));
  const pairs = (p) => [exampleOf(p)].flat().map((v) => `${p.name}=${encodeURIComponent(v)}`);
  const required = parameters.filter((p) => p.in === "query" && p.required).flatMap(pairs);
  const optional = parameters.filter((p) => p.in === "query" && !p.required);
  const others = (name) => required.filter((pair) => !pair.startsWith(`${name}=`));
  visit(url(path, required));
  for (const p of optional) visit(url(path, [...required, ...pairs(p)]));
  if (optional.length) visit(url(path, [...required, ...optional.flatMap(pairs)]));
  for (const mediaType of Object.keys(operation.responses["200"]?.content ?? {})) {
    await ask(method, url(path, required), { headers: { Accept: mediaType }, expect: [200] });
  }
  await ask(method, url(path, required), { headers: { Accept: "application/xml" }, expect: [406] });
  await ask(method, url(path, [...required, "no-such-parameter=1"]), { expect: [400] });
  for (const p of parameters.filter((p) => p.in === "query")) {
    // Free text (search terms) takes any value; everything else is an ID, code, number, date or enum.
    await ask(method, url(path, [...others(p.name), `${p.name}=%E2%80%BDnot-a-value`]), { expect: freeText.has(p.name) ? [200] : [400] });
    await ask(method, url(path, [...others(p.name), `${p.name}=`]), { expect: [400] });
    if (p.required) await ask(method, url(path, others(p.name)), { expect: [400] });
  }
  if (parameters.some((p) => p.in === "path")) {
    let unknown = template;
    for (const p of parameters.filter((p) => p.in === "path")) unknown = unknown.replace(`{${p.name}}`, "no-such-id");
    await ask(method, url(unknown, required), { expect: [404] });
  }
}

// 2. The crawl: every JSON answer's links, so each resource of the data is fetched once.
while (queue.length) {
  const json = await ask("GET", queue.shift(), { expect: [200] });
  for (const link of linksIn(json)) visit(link);
}

// 3. The write path: without a key, then with one, then bad bodies.
const staff = { Authorization: `Bearer ${key}` };
const figure = (value) => ({ value, note: "CI", source: { title: "CI test source", url: "https://example.org/ci", page: "p. 1" }, provenance: "official" });
const kpi = { id: "ci-conformance-kpi", goalId: "1", measureId: "1-1", name: "CIの指標", definition: "CIで入力した指標。", unit: "人", direction: "increase" };
await ask("POST", "/api/v1/kpis", { body: kpi, expect: [401] });
await ask("POST", "/api/v1/kpis", { headers: staff, body: kpi, expect: [201] });
await ask("POST", "/api/v1/kpis", { headers: staff, body: kpi, expect: [409] });
await ask("POST", "/api/v1/kpis", { headers: staff, body: { ...kpi, id: "ci-bad", goalId: "9" }, expect: [400] });
await ask("POST", "/api/v1/kpis", { headers: { ...staff, "Content-Type": "application/json" }, expect: [400] }); // no body
await ask("POST", "/api/v1/kpis", { headers: { ...staff, "Content-Type": "text/plain" }, rawBody: JSON.stringify(kpi), expect: [415] });
await ask("DELETE", "/api/v1/kpis/no-such-kpi", { headers: { ...staff, "Content-Type": "text/plain" }, expect: [404] }); // no body to refuse
await ask("GET", `/api/v1/kpis/${kpi.id}`, { expect: [200] }); // no baseline, no figures yet: the nullable fields null
await ask("PUT", `/api/v1/kpis/${kpi.id}/baseline/FY2019`, { headers: staff, body: figure(10), expect: [201] });
await ask("PUT", `/api/v1/kpis/${kpi.id}/baseline/FY2019`, { headers: staff, body: figure(11), expect: [200] });
await ask("PUT", `/api/v1/kpis/${kpi.id}/observations/FY2022`, { headers: staff, body: figure(15.25), expect: [201] });
await ask("PUT", `/api/v1/kpis/${kpi.id}/targets/FY2024`, { headers: staff, body: { ...figure(20), source: { url: "not a url" } }, expect: [400] });
await ask("PUT", `/api/v1/kpis/${kpi.id}/no-such-role/FY2024`, { headers: staff, body: figure(20), expect: [404] });
await ask("PUT", `/api/v1/kpis/${kpi.id}`, { headers: staff, body: { ...kpi, id: undefined, unit: "世帯" }, expect: [200] });
await ask("GET", `/api/v1/kpis/${kpi.id}`, { expect: [200] });
await ask("GET", `/api/v1/kpis/${kpi.id}/observations`, { expect: [200] });
await ask("DELETE", `/api/v1/kpis/${kpi.id}/observations/FY2022`, { headers: staff, expect: [200] });
await ask("DELETE", `/api/v1/kpis/${kpi.id}`, { headers: staff, expect: [204] });
await ask("DELETE", `/api/v1/kpis/${kpi.id}`, { headers: staff, expect: [404] });

console.log(`${answers} answers checked against ${documentPath} (${seen.size} URLs crawled), ${failures.length} not as documented`);
for (const failure of failures) console.log(`  - ${failure}`);
process.exit(failures.length ? 1 : 0);
