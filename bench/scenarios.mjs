// The benchmark's scenarios: the same request to each server that can answer it. nginx serves static copies of
// the API's own answers (byte-identical, checked); json-server and graphql-yoga answer the nearest equivalent
// from the same data (yoga's GraphQL answers are checked equal to the API's).
const q = encodeURIComponent;
const graphql = (query) => ({
  path: "/graphql",
  method: "POST",
  headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json" },
  body: JSON.stringify({ query }),
});

// A query by GET, as a CDN-friendly client sends it: the API keeps answers without errors in its output cache.
const graphqlGet = (query) => ({ path: `/graphql?query=${q(query)}`, headers: { Accept: "application/graphql-response+json" } });

const tree = `{ goals { id marker title order measures { id marker title order subMeasures {
  id marker title description titleAsExtracted descriptionAsExtracted order relistingOf { id } } } } }`;
const one = `{ subMeasure(id: "1-6-1") { id marker title description order measure { id title } goal { id title } } }`;

export const scenarios = [
  {
    name: "rest-all", label: "REST: all 47 sub-measures in one response",
    api: { path: "/api/v1/sub-measures?limit=200" },
    nginx: { path: "/all-sub-measures.json", file: "all-sub-measures.json" },
    jsonServer: { path: "/subMeasures" },
  },
  {
    name: "rest-one", label: "REST: one sub-measure",
    api: { path: "/api/v1/sub-measures/1-6-1" },
    nginx: { path: "/one-sub-measure.json", file: "one-sub-measure.json" },
    jsonServer: { path: "/subMeasures/1-6-1" },
  },
  {
    name: "rest-filtered", label: "REST: filtered list (theme=sdgs:8)",
    api: { path: "/api/v1/sub-measures?theme=sdgs:8&limit=200" },
    nginx: { path: "/filtered.json", file: "filtered.json" },
    jsonServer: { path: `/subMeasures?themeRefs_like=${q("(^|,)sdgs:8(,|$)")}` },
  },
  {
    name: "search", label: "REST: search q=子育て",
    api: { path: `/api/v1/search?q=${q("子育て")}` },
    nginx: { path: "/search.json", file: "search.json" },
    jsonServer: { path: `/subMeasures?q=${q("子育て")}` },
  },
  {
    name: "revalidate", label: "REST: 304 revalidation (If-None-Match) of the 47",
    api: { path: "/api/v1/sub-measures?limit=200", revalidate: true },
    nginx: { path: "/all-sub-measures.json", revalidate: true },
    jsonServer: { path: "/subMeasures", revalidate: true },
  },
  {
    // A poller on an instance that has not yet served its variant (it sends Accept; the scenario above does not):
    // its first revalidation is made in full for the API's cache to keep (the client still gets a 304); from then on
    // it is a 304 from memory like the above.
    name: "revalidate-poller", label: "REST: 304 revalidation of the 47 by a poller whose variant was not fetched",
    api: { path: "/api/v1/sub-measures?limit=200", revalidate: true, poller: true, headers: { Accept: "application/json" } },
  },
  {
    name: "jsonld", label: "JSON-LD: one sub-measure",
    api: { path: "/api/v1/sub-measures/1-6-1", headers: { Accept: "application/ld+json" } },
    nginx: { path: "/one-sub-measure.jsonld", file: "one-sub-measure.jsonld" },
  },
  { name: "graphql-tree", label: "GraphQL: the full tree", api: graphql(tree), yoga: graphql(tree) },
  { name: "graphql-one", label: "GraphQL: one sub-measure", api: graphql(one), yoga: graphql(one) },
  { name: "graphql-tree-get", label: "GraphQL: the full tree by GET", api: graphqlGet(tree), yoga: graphqlGet(tree) },
  {
    // Every request another offset, so none is answered from the output cache: the search itself (index, ranking,
    // snippets), serialization, hashing and storing. Last, as it fills the cache (memory is taken before it).
    name: "search-uncached", label: "REST: search q=子育て, never the same request twice",
    api: { path: `/api/v1/search?q=${q("子育て")}&limit=5`, randomOffset: true, fillsCache: true },
  },
];
