// Usage: node audit.mjs URL SDL_FILE
// 1. graphql-http's auditServer: every MUST must pass; a SHOULD may fail only if listed in `explained`
//    (each entry is explained in README.md, "GraphQL over HTTP").
// 2. graphql-js reads the schema by the standard introspection query (as IDEs and code generators do) and
//    must find exactly the committed SDL.
import { readFile } from 'node:fs/promises';
import { auditServer } from 'graphql-http';
import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema } from 'graphql';

const [url, sdlFile] = process.argv.slice(2);
const explained = new Set([]);

const results = await auditServer({ url });
let failures = 0;
for (const r of results) {
  if (r.status === 'ok') continue;
  const blocking = r.status === 'error' || (r.status === 'warn' && !explained.has(r.id));
  if (blocking) failures++;
  console.log(`${blocking ? 'FAIL' : 'note'} ${r.status} ${r.id} ${r.name}: ${r.reason}`);
}
const count = (s) => results.filter((r) => r.status === s).length;
console.log(`graphql-http audit: ${count('ok')} ok, ${count('error')} MUST failed, ${count('warn')} SHOULD failed, ${count('notice')} MAY not done, of ${results.length}`);

// Every option graphql-js has, as GraphiQL and graphql-codegen may set them: GraphQL.NET 8 lacked
// __Directive.args(includeDeprecated:) and __Type.specifiedByURL, and either failed the whole query.
const options = { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true };
const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query: getIntrospectionQuery(options) }),
});
const introspection = await response.json();
if (response.status !== 200 || introspection.errors) {
  failures++;
  console.log(`FAIL the standard introspection query with every option was refused (${response.status}): ${JSON.stringify(introspection.errors)}`);
} else {
  const served = printSchema(buildClientSchema(introspection.data));
  const committed = printSchema(buildSchema(await readFile(sdlFile, 'utf8')));
  if (served === committed) {
    console.log('introspection: the served schema is the committed SDL');
  } else {
    failures++;
    console.log('FAIL introspection: the served schema differs from the committed SDL');
  }
}
process.exit(failures === 0 ? 0 : 1);
