// Exports the running API's data for the peers, through the API's own public interfaces:
//   graphql-data.json  the tree as GraphQL serves it (graphql-yoga's data)
//   db.json            every sub-measure as REST serves it, plus themeRefs ("sdgs:8", ...) so that json-server
//                      can filter by theme with its _like operator (json-server's data)
// Usage: node export.mjs API_BASE_URL OUT_DIR
import { writeFileSync } from "node:fs";

const [api, out] = process.argv.slice(2);
const get = async (path) => {
  const response = await fetch(api + path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
};

const tree = await fetch(api + "/graphql", {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({
    query: `{ goals { id marker title order }
              measures { id marker title order goal { id } }
              subMeasures { id marker title description titleAsExtracted descriptionAsExtracted order
                            measure { id } goal { id } relistingOf { id } } }`,
  }),
}).then((r) => r.json());
if (tree.errors) throw new Error(JSON.stringify(tree.errors));
writeFileSync(`${out}/graphql-data.json`, JSON.stringify(tree.data));

const list = await get("/api/v1/sub-measures?limit=200");
const subMeasures = [];
for (const item of list.items) {
  const detail = await get(`/api/v1/sub-measures/${item.id}`);
  subMeasures.push({ ...detail, themeRefs: detail.themes.map((t) => `${t.scheme}:${t.code}`) });
}
writeFileSync(`${out}/db.json`, JSON.stringify({ subMeasures }));
console.log(`exported ${tree.data.subMeasures.length} sub-measures for graphql-yoga and json-server`);
