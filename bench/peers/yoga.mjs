// graphql-yoga with the API's own committed schema (openapi/schema.graphql) over the same data, exported from
// the API by bench/run. Resolvers for the fields the benchmark's queries use; the rest of the schema is served
// but unresolved. Usage: node yoga.mjs SCHEMA_FILE DATA_FILE PORT
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { createSchema, createYoga } from "graphql-yoga";

const [schemaFile, dataFile, port] = process.argv.slice(2);
const data = JSON.parse(readFileSync(dataFile, "utf8"));
const byId = (items) => new Map(items.map((item) => [item.id, item]));
const goals = byId(data.goals), measures = byId(data.measures), subMeasures = byId(data.subMeasures);

const resolvers = {
  // In the schema, not in the benchmark's queries.
  SearchItem: { __resolveType: () => null },
  Query: {
    goals: () => data.goals,
    goal: (_, { id }) => goals.get(id) ?? null,
    measures: (_, { goalId }) => data.measures.filter((m) => goalId == null || m.goal.id === goalId),
    measure: (_, { id }) => measures.get(id) ?? null,
    subMeasures: () => data.subMeasures,
    subMeasure: (_, { id }) => subMeasures.get(id) ?? null,
  },
  Goal: { measures: (goal) => data.measures.filter((m) => m.goal.id === goal.id) },
  Measure: {
    goal: (measure) => goals.get(measure.goal.id),
    subMeasures: (measure) => data.subMeasures.filter((s) => s.measure.id === measure.id),
  },
  SubMeasure: {
    measure: (s) => measures.get(s.measure.id),
    goal: (s) => goals.get(s.goal.id),
    relistingOf: (s) => (s.relistingOf ? subMeasures.get(s.relistingOf.id) : null),
    relistedAs: (s) => data.subMeasures.filter((r) => r.relistingOf?.id === s.id),
  },
};

const yoga = createYoga({
  schema: createSchema({ typeDefs: readFileSync(schemaFile, "utf8"), resolvers }),
  graphiql: false,
  logging: false,
});
createServer(yoga).listen(Number(port), "127.0.0.1", () => console.log(`graphql-yoga on ${port}`));
