// Usage: node check.mjs BASE_URL
// Fetches one resource of every type as application/ld+json and converts it to RDF with jsonld.js in safe mode:
// a term the context does not map, or an IRI that is not absolute, fails the check instead of being dropped; and
// in JSON-LD 1.0 mode too, which must give the same triples.
// The document loader refuses every host but the API's: the API must serve all the context a processor needs.
// Then checks that the triples the open-data links depend on are there.
import jsonld from 'jsonld';

const base = process.argv[2].replace(/\/$/, '');

// Staff data first: a measure's KPI with every kind of figure, entered through the write path.
const key = process.env.STAFF_KEY;
if (!key) throw new Error('STAFF_KEY (an API key with kpi:write) is required');
const write = async (method, path, body) => {
  const response = await fetch(base + path, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
};
const figure = (value) => ({ value, note: 'CI', source: { title: 'CI test source', url: 'https://example.org/ci', page: 'p. 1' }, provenance: 'official' });
await write('POST', '/api/v1/kpis', { id: 'ci-staff-kpi', goalId: '1', measureId: '1-1', name: 'CIの指標', definition: 'CIで入力した指標。', unit: '人', direction: 'increase', statistics: { name: '国勢調査', governmentStatisticsCode: '00200521' } });
await write('PUT', '/api/v1/kpis/ci-staff-kpi/baseline/FY2019', figure(10));
await write('PUT', '/api/v1/kpis/ci-staff-kpi/targets/FY2024', figure(20.5));
await write('PUT', '/api/v1/kpis/ci-staff-kpi/observations/FY2022', figure(15.25));

const resources = [
  '/api/v1/kpis/ci-staff-kpi', '/api/v1/measures/1-1', '/api/v1/sub-measures?theme=sdgs:14', '/api/v1/themes/sdgs/14',
  '/api/v1/plan', '/api/v1/goals', '/api/v1/goals/1', '/api/v1/measures?goal=4', '/api/v1/measures/4-2',
  '/api/v1/sub-measures?limit=200', '/api/v1/sub-measures/4-2-2', '/api/v1/kpis', '/api/v1/kpis/population-outlook',
  '/api/v1/kpis/population-outlook/observations', '/api/v1/themes', '/api/v1/themes/national',
  '/api/v1/themes/digiden/theme-4', '/api/v1/themes/national/goal-1', '/api/v1/catalog', '/api/v1/catalog.jsonld', '/api/v1/export/jsonld', '/ns',
];

const documentLoader = async (url) => {
  if (!url.startsWith(base + '/')) throw new Error(`the document needs ${url}, which is not served by the API itself`);
  const response = await fetch(url, { headers: { accept: 'application/ld+json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return { contextUrl: null, documentUrl: url, document: await response.json() };
};

let failures = 0;
const quads = [];
const byPath = new Map();
for (const path of resources) {
  try {
    const response = await fetch(base + path, { headers: { accept: 'application/ld+json' } });
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !type.startsWith('application/ld+json')) throw new Error(`answered ${response.status} ${type}`);
    const document = await response.json();
    const nquads = await jsonld.toRDF(document, { format: 'application/n-quads', safe: true, documentLoader });
    const relative = [...nquads.matchAll(/<([^>]*)>/g)].map((m) => m[1]).filter((iri) => !/^[a-z][a-z0-9+.-]*:/i.test(iri));
    if (relative.length) throw new Error(`relative IRIs: ${relative.slice(0, 3).join(', ')}`);
    // JSON-LD 1.0 processors (jsonld-java in older Jena and RDF4J) must read the same triples: the context uses no
    // 1.1 feature, and "@version": 1.1 alone would make them refuse every document.
    const legacy = await jsonld.toRDF(document, { format: 'application/n-quads', safe: true, documentLoader, processingMode: 'json-ld-1.0' });
    if (legacy !== nquads) throw new Error('a JSON-LD 1.0 processor reads other triples');
    const lines = nquads.trim().split('\n');
    // Every node named: RDF merge keeps blank nodes of two documents apart, so a store loading several held each twice.
    const blank = lines.find((l) => /(^|\s)_:/.test(l));
    if (blank) throw new Error(`a blank node: ${blank}`);
    quads.push(...lines);
    byPath.set(path, lines);
    console.log(`ok   ${path}: ${lines.length} triples`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${path}: ${e.message ?? e}`);
  }
}

// The stable IRIs, dereferenced as a JSON-LD processor does (jsonld.js's own Node loader: its Accept, its handling of
// 303): each must lead to a document that describes the IRI. The source text itself is text/plain, so its IRI must
// lead such a loader to the plan's document, which describes it.
const nodeLoader = jsonld.documentLoaders.node();
for (const iri of ['/id/source-document', '/id/goal/1', '/id/kpi/population-outlook/target/2040', '/id/local-government/012068', '/id/catalog']) {
  try {
    const { document } = await nodeLoader(base + iri);
    const lines = (await jsonld.toRDF(document, { format: 'application/n-quads', safe: true, documentLoader })).trim().split('\n');
    if (!lines.some((l) => l.startsWith(`<${base}${iri}> `))) throw new Error('the document it leads to does not describe it');
    console.log(`ok   ${iri}: dereferenced by jsonld.js, ${lines.length} triples`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${iri}: ${e.message ?? e}`);
  }
}

const IC = 'http://imi.go.jp/ns/core/rdf#';
const expected = {
  'municipality 釧路市 is an ic:組織型 with 全国地方公共団体コード 012068':
    (q) => q.includes(`<${base}/id/local-government/012068> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${IC}組織型>`),
  'its ID value 012068': (q) => q.includes(`<${IC}識別値> "012068"`),
  'its 市区町村コード is the e-Stat area IRI, as IMI tools write it':
    (q) => /<http:\/\/imi\.go\.jp\/ns\/core\/rdf#市区町村コード> <http:\/\/data\.e-stat\.go\.jp\/lod\/sac\/C01206> \./.test(q),
  'linked to the e-Stat statistical area C01206': (q) => q.includes(`<${base}/id/local-government/012068> <http://purl.org/dc/terms/spatial> <http://data.e-stat.go.jp/lod/sac/C01206>`),
  '北海道 010006 linked to C01000': (q) => q.includes(`<${base}/id/local-government/010006> <http://purl.org/dc/terms/spatial> <http://data.e-stat.go.jp/lod/sac/C01000>`),
  'goal 1 aligned to the national 基本目標1': (q) => q.includes(`<${base}/id/goal/1> <${base}/ns#alignedWith> <${base}/id/scheme/national/goal-1>`),
  'goal 4 aligned to デジ田 theme ④': (q) => q.includes(`<${base}/id/goal/4> <${base}/ns#alignedWith> <${base}/id/scheme/digiden/theme-4>`),
  'a KPI target is an ic:数量型': (q) => q.includes(`<${base}/id/kpi/population-outlook/target/2040> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${IC}数量型>`),
  'with ic:数値 138000 as xsd:decimal': (q) => q.includes(`<${base}/id/kpi/population-outlook/target/2040> <${IC}数値> "138000"^^<http://www.w3.org/2001/XMLSchema#decimal>`),
  'and ic:単位表記 人': (q) => q.includes(`<${base}/id/kpi/population-outlook/target/2040> <${IC}単位表記> "人" .`),
  'the catalog is a dcat:Catalog with the PDL1.0 licence on a dataset':
    (q) => q.includes(`<${base}/id/dataset/policy-structure> <http://purl.org/dc/terms/license> <https://www.digital.go.jp/resources/open_data/public_data_license_v1.0>`),
  'a staff baseline is an ic:数量型 with its exact decimal':
    (q) => q.includes(`<${base}/id/kpi/ci-staff-kpi/baseline/FY2019> <${IC}数値> "10"^^<http://www.w3.org/2001/XMLSchema#decimal>`),
  'a staff observation keeps 15.25 exactly': (q) => q.includes(`<${base}/id/kpi/ci-staff-kpi/observation/FY2022> <${IC}数値> "15.25"^^<http://www.w3.org/2001/XMLSchema#decimal>`),
  'a measure KPI is a kod:PerformanceIndicator': (q) => q.includes(`<${base}/id/kpi/ci-staff-kpi> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${base}/ns#PerformanceIndicator>`),
  'SDG 14 carries its code as a literal': (q) => q.includes(`<${base}/id/scheme/sdgs/14> <http://purl.org/dc/terms/identifier> "14" .`),
  'SDG 14 is linked to the UN IRI': (q) => q.includes(`<${base}/id/scheme/sdgs/14> <http://www.w3.org/2004/02/skos/core#exactMatch> <http://metadata.un.org/sdg/14>`),
  // In the KPI's own document: the plan's says so too.
  'the plan\'s own KPI leads back to the plan': () => (byPath.get('/api/v1/kpis/population-outlook') ?? [])
    .includes(`<${base}/id/plan/kushiro-2nd-strategy> <${base}/ns#kpi> <${base}/id/kpi/population-outlook> .`),
  'an observation names its KPI': (q) => q.includes(`<${base}/id/kpi/population-outlook/observation/2010-10-01> <${base}/ns#indicator> <${base}/id/kpi/population-outlook>`),
  'the catalog names its publisher with foaf:name':
    (q) => q.includes(`<${base}/id/local-government/012068> <http://xmlns.com/foaf/0.1/name> "釧路市"@ja`),
  // Staff text in English has no language tag (the context's @ja is for the strategy's Japanese); Japanese keeps it.
  'an English staff note is a literal without @ja': (q) => q.includes(`<${base}/id/kpi/ci-staff-kpi/observation/FY2022> <${base}/ns#note> "CI" .`),
  'an English source title is a literal without @ja': (q) => q.includes(`<${base}/id/kpi/ci-staff-kpi/observation/FY2022#source> <${IC}表記> "CI test source" .`),
  'a Japanese staff KPI name keeps @ja': (q) => q.includes(`<${base}/id/kpi/ci-staff-kpi> <${IC}表記> "CIの指標"@ja .`),
  // One node per code system, which the vocabulary document describes: both local governments' IDs, every KPI's statistic.
  '釧路市 and 北海道 share one 全国地方公共団体コード node': (q) => q.includes(`<${base}/id/local-government/012068#id> <${IC}体系> <${base}/ns#localGovernmentCodes> .`)
    && quads.includes(`<${base}/id/local-government/010006#id> <${IC}体系> <${base}/ns#localGovernmentCodes> .`),
  'the vocabulary describes it as an ic:ID体系型': () => (byPath.get('/ns') ?? [])
    .includes(`<${base}/ns#localGovernmentCodes> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${IC}ID体系型> .`),
  'a staff KPI\'s statistic is in the vocabulary\'s 政府統計コード list': (q) => q.includes(`<${base}/id/kpi/ci-staff-kpi#statistics> <${IC}コード種別> <${base}/ns#governmentStatisticsCodes> .`),
  // DCAT-AP: rights are statements, a file listed under every dataset has one licence, datasets are themed from the
  // catalog's theme taxonomy, whose schemes have a dct:title.
  'a dataset\'s rights are a dct:RightsStatement': (q) => q.includes(`<${base}/id/dataset/kpis#rights> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://purl.org/dc/terms/RightsStatement> .`),
  'the CSV ZIP is CC BY 4.0 under the policy structure too': (q) => q.includes(`<${base}/id/dataset/policy-structure#export/csv.zip> <http://purl.org/dc/terms/license> <https://creativecommons.org/licenses/by/4.0/> .`),
  'the policy structure is themed with SDG 14': (q) => q.includes(`<${base}/id/dataset/policy-structure> <http://www.w3.org/ns/dcat#theme> <${base}/id/scheme/sdgs/14> .`),
  'the REST API is a dcat:DataService serving the KPIs': (q) => q.includes(`<${base}/id/catalog#service/rest-v1> <http://www.w3.org/ns/dcat#servesDataset> <${base}/id/dataset/kpis> .`),
  'the SDGs scheme has a dct:title': (q) => q.startsWith(`<${base}/id/scheme/sdgs> <http://purl.org/dc/terms/title> "`),
  'project classes are subclasses of IMI classes': (q) => q.includes(`<${base}/ns#BasicGoal> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <${IC}活動型>`),
};
// A concept's page says who aligned which goal to it, naming the node the goal's own page names.
const alignment = (lines, goal, concept) => {
  const node = `<${base}/id/goal/${goal}#alignment/${concept}>`;
  return lines.includes(`<${base}/id/goal/${goal}> <${base}/ns#alignment> ${node} .`)
    && lines.includes(`${node} <${base}/ns#concept> <${base}/id/scheme/${concept}> .`)
    && lines.some((l) => l.startsWith(`${node} <${base}/ns#provenance> "editorial"`))
    && lines.some((l) => l.startsWith(`${node} <${base}/ns#rationale> "`));
};
expected['the national 基本目標1 page gives goal 1\'s alignment with its provenance and rationale'] =
  () => alignment(byPath.get('/api/v1/themes/national/goal-1') ?? [], '1', 'national/goal-1');
expected['goal 1\'s page names the same alignment node'] =
  () => alignment(byPath.get('/api/v1/goals/1') ?? [], '1', 'national/goal-1');
// Merged, as a triple store loads them: a named node two documents describe must get one value where it has one.
const single = ['<http://imi.go.jp/ns/core/rdf#識別値>', `<${base}/ns#rationale>`, `<${base}/ns#provenance>`, '<http://imi.go.jp/ns/core/rdf#数値>'];
expected['merged, no node has two values of 識別値, 数値, provenance or rationale'] = () => {
  const values = new Map();
  for (const q of new Set(quads)) {
    const m = q.match(/^(<[^>]*>) (<[^>]*>) (.*) \.$/);
    if (m && single.includes(m[2])) values.set(m[1] + m[2], (values.get(m[1] + m[2]) ?? 0) + 1);
  }
  return values.size > 0 && [...values.values()].every((n) => n === 1);
};
for (const [name, test] of Object.entries(expected)) {
  const found = test.length ? quads.some(test) : test();
  if (!found) failures++;
  console.log(`${found ? 'ok  ' : 'FAIL'} triple: ${name}`);
}
console.log(`${quads.length} triples from ${resources.length} resources; ${failures} failures`);
process.exit(failures ? 1 : 0);
