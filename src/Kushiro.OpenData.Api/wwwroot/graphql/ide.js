// A small GraphQL IDE that needs nothing but this API: editor, variables, results and schema docs read by
// introspection. Everything from the server is inserted as text, never as HTML.
"use strict";

const examples = {
  "Whole tree": `query WholeTree {
  plan {
    title
    municipality { localGovernmentCode name prefecture { name } }
    goals {
      id title
      measures {
        id title
        subMeasures { id marker title description relistingOf { id } }
      }
    }
  }
}`,
  "One goal with its measures": `query Goal($id: ID!) {
  goal(id: $id) {
    id title
    measures { id marker title }
  }
}`,
  "Sub-measures of a measure": `query SubMeasuresOfMeasure {
  subMeasures(measureId: "4-2") {
    id title description
    relistingOf { id title measure { id title } }
  }
}`,
  "A re-listed sub-measure": `query Relisting {
  subMeasure(id: "3-4-1") {
    id title
    relistedAs { id goal { id title } }
  }
}`,
};
const exampleVariables = { "One goal with its measures": '{ "id": "1" }' };

const $ = (id) => document.getElementById(id);
// The endpoint is where this page was served from (/graphql, or /graphql/index.html), so a sub-path works too.
const endpoint = location.pathname.replace(/\/(index\.html)?$/, "");

function run() {
  const body = { query: $("query").value };
  const variables = $("variables").value.trim();
  if (variables) {
    try { body.variables = JSON.parse(variables); } catch (e) { return show("Variables are not valid JSON: " + e.message, true); }
  }
  if ($("operationName").value.trim()) body.operationName = $("operationName").value.trim();
  const started = performance.now();
  show("Running…");
  fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept": "application/graphql-response+json, application/json;q=0.9" },
    body: JSON.stringify(body),
  }).then(async (response) => {
    const text = await response.text();
    const ms = Math.round(performance.now() - started);
    let pretty = text;
    try { pretty = JSON.stringify(JSON.parse(text), null, 2); } catch { /* show the raw text */ }
    $("result").textContent = pretty;
    show(`${response.status} ${response.statusText} · ${ms} ms · ${text.length.toLocaleString()} characters`, !response.ok);
  }).catch((e) => show("Request failed: " + e.message, true));
}

function show(message, isError = false) {
  $("status").textContent = message;
  $("status").className = isError ? "error" : "";
}

function share() {
  const url = new URL(location.href);
  url.search = "";
  url.searchParams.set("query", $("query").value);
  if ($("variables").value.trim()) url.searchParams.set("variables", $("variables").value.trim());
  if ($("operationName").value.trim()) url.searchParams.set("operationName", $("operationName").value.trim());
  history.replaceState(null, "", url);
  show("The address bar now holds this query.");
}

const introspection = `{ __schema { queryType { name } types { name kind description
  fields { name description args { name description type { ...T } } type { ...T } }
  enumValues { name description } } } }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;

function typeName(t) {
  if (t.kind === "NON_NULL") return typeName(t.ofType) + "!";
  if (t.kind === "LIST") return "[" + typeName(t.ofType) + "]";
  return t.name;
}
function namedType(t) { return t.ofType ? namedType(t.ofType) : t.name; }

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function typeLink(t) {
  const a = el("a", typeName(t));
  a.href = "#" + namedType(t);
  a.addEventListener("click", (e) => { e.preventDefault(); $("filter").value = namedType(t); renderSchema(); });
  return a;
}

let schemaTypes = [];
function renderSchema() {
  const filter = $("filter").value.trim().toLowerCase();
  const root = $("schema");
  root.replaceChildren();
  for (const type of schemaTypes) {
    const fields = type.fields || [];
    const matches = !filter || type.name.toLowerCase().includes(filter) || fields.some((f) => f.name.toLowerCase().includes(filter));
    if (!matches) continue;
    root.append(el("h2", `${type.name} (${type.kind.toLowerCase()})`));
    if (type.description) root.append(el("p", type.description));
    const list = el("dl");
    for (const field of fields) {
      const dt = el("dt", field.name);
      if (field.args.length) dt.append("(" + field.args.map((a) => `${a.name}: ${typeName(a.type)}`).join(", ") + ")");
      dt.append(": ");
      dt.append(typeLink(field.type));
      list.append(dt);
      if (field.description) list.append(el("dd", field.description));
    }
    root.append(list);
  }
}

function loadSchema() {
  fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept": "application/graphql-response+json" },
    body: JSON.stringify({ query: introspection }),
  }).then((r) => r.json()).then((r) => {
    const schema = r.data.__schema;
    const query = schema.types.find((t) => t.name === schema.queryType.name);
    const others = schema.types.filter((t) => !t.name.startsWith("__") && t !== query);
    schemaTypes = [query, ...others.sort((a, b) => a.name.localeCompare(b.name))];
    renderSchema();
  }).catch((e) => { $("schema").textContent = "Could not read the schema: " + e.message; });
}

document.addEventListener("DOMContentLoaded", () => {
  for (const name of Object.keys(examples)) $("examples").append(new Option(name, name));
  $("examples").addEventListener("change", (e) => {
    if (!e.target.value) return;
    $("query").value = examples[e.target.value];
    $("variables").value = exampleVariables[e.target.value] || "";
    $("operationName").value = "";
  });
  const params = new URLSearchParams(location.search);
  $("query").value = params.get("query") || examples["Whole tree"];
  $("variables").value = params.get("variables") || "";
  $("operationName").value = params.get("operationName") || "";
  $("run").addEventListener("click", run);
  $("share").addEventListener("click", share);
  $("filter").addEventListener("input", renderSchema);
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); run(); }
  });
  // Tab indents; after Escape, Tab moves on as usual, so keyboard users are never trapped in the editor.
  let escaped = false;
  $("query").addEventListener("keydown", (e) => {
    if (e.key === "Escape") { escaped = true; return; }
    if (e.key !== "Tab" || e.shiftKey || escaped) { escaped = false; return; }
    e.preventDefault();
    const t = e.target;
    t.setRangeText("  ", t.selectionStart, t.selectionEnd, "end");
  });
  loadSchema();
});
