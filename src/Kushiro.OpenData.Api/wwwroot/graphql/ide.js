// A small GraphQL IDE that needs nothing but this API: editor, variables, results and schema docs read by
// introspection. Everything from the server is inserted as text, never as HTML. What is typed is kept in this
// browser; "Link" puts it in the address bar to share.
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
  // The last answer goes at once: left beside a new error, it read as this run's.
  $("result").textContent = "";
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

// The server reads request lines of up to 8 KB (Kestrel's limit): a longer link would open as an HTTP 414 page.
const maxLinkLength = 8000;

function share() {
  const url = new URL(location.href);
  url.search = "";
  url.searchParams.set("query", $("query").value);
  if ($("variables").value.trim()) url.searchParams.set("variables", $("variables").value.trim());
  if ($("operationName").value.trim()) url.searchParams.set("operationName", $("operationName").value.trim());
  const length = url.pathname.length + url.search.length;
  if (length > maxLinkLength) {
    return show(`Too long for a link: ${length.toLocaleString()} characters once encoded (a Japanese character takes 9), and the server reads about ${maxLinkLength.toLocaleString()}. Shorten the query or its comments.`, true);
  }
  history.replaceState(null, "", url);
  linked = true;
  show("The address bar now holds this query.");
}

// What is typed is kept in this browser (localStorage), so a reload does not lose it; a link opened wins over it.
const savedFields = ["query", "variables", "operationName"];
let linked = false;

function save() {
  try {
    for (const id of savedFields) localStorage.setItem("kushiro-graphql-" + id, $(id).value);
  } catch { /* storage off: nothing is kept, as before */ }
  // A link in the address bar would bring back the linked query on reload, over what was typed since.
  if (linked) {
    history.replaceState(null, "", location.pathname);
    linked = false;
  }
}

function saved(id) {
  try { return localStorage.getItem("kushiro-graphql-" + id); } catch { return null; }
}

const introspection = `{ __schema { queryType { name } types { name kind description
  fields { name description args { name description defaultValue type { ...T } } type { ...T } }
  possibleTypes { name } enumValues { name description } } } }
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
    if (type.possibleTypes) {
      const members = el("p", "One of: ");
      type.possibleTypes.forEach((t, i) => members.append(i ? ", " : "", typeLink({ kind: "OBJECT", name: t.name })));
      root.append(members);
    }
    const list = el("dl");
    for (const field of fields) {
      const dt = el("dt", field.name);
      if (field.args.length) {
        dt.append("(" + field.args.map((a) => `${a.name}: ${typeName(a.type)}${a.defaultValue === null ? "" : " = " + a.defaultValue}`).join(", ") + ")");
      }
      dt.append(": ");
      dt.append(typeLink(field.type));
      list.append(dt);
      if (field.description) list.append(el("dd", field.description));
      for (const arg of field.args.filter((a) => a.description)) list.append(el("dd", `${arg.name}: ${arg.description}`, "argument"));
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
    save();
  });
  const params = new URLSearchParams(location.search);
  linked = params.has("query");
  $("query").value = params.get("query") || (linked ? "" : saved("query")) || examples["Whole tree"];
  $("variables").value = params.get("variables") || (linked ? "" : saved("variables")) || "";
  $("operationName").value = params.get("operationName") || (linked ? "" : saved("operationName")) || "";
  for (const id of savedFields) $(id).addEventListener("input", save);
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
    save();
  });
  loadSchema();
});
