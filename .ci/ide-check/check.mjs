// The GraphQL IDE as a user meets it in a browser: what the README promises (editor, variables, results, schema
// docs) at desktop and phone width, by mouse and keyboard, with no script error or Content-Security-Policy violation.
// Usage: node check.mjs API_BASE_URL CHROMIUM_PATH
import assert from "node:assert/strict";
import puppeteer from "puppeteer-core";

const [api, chromium] = process.argv.slice(2);
const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ["--no-sandbox"] });
const problems = [];
let failures = 0;

async function check(name, body) {
  // A context of its own: what one check typed (kept in localStorage) is not in the next one's editor.
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") problems.push(`${name}: console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`${name}: script error: ${e.message}`));
  try {
    await body(page);
    console.log(`ok    ${name}`);
  } catch (e) {
    failures++;
    console.log(`FAIL  ${name}: ${e.message}`);
  } finally {
    await context.close();
  }
}

const open = async (page, path = "/graphql") => {
  await page.goto(api + path, { waitUntil: "networkidle0" });
  await page.waitForSelector("#schema h2");
};
const status = (page) => page.$eval("#status", (e) => ({ text: e.textContent, error: e.className === "error" }));
const runAndWait = async (page) => {
  await page.keyboard.down("Control");
  await page.keyboard.press("Enter");
  await page.keyboard.up("Control");
  await page.waitForFunction(() => !document.getElementById("status").textContent.startsWith("Running"));
};
const setQuery = (page, text) => page.$eval("#query", (e, t) => { e.value = t; e.dispatchEvent(new Event("input")); }, text);

await check("the whole tree runs from the keyboard and shows as text", async (page) => {
  await page.setViewport({ width: 1280, height: 800 });
  await open(page);
  await page.focus("#query");
  await runAndWait(page);
  assert.match((await status(page)).text, /^200 /);
  const result = JSON.parse(await page.$eval("#result", (e) => e.textContent));
  assert.equal(result.data.plan.goals.length, 4);
  assert.equal(await page.$eval("#result", (e) => e.childElementCount), 0, "the result is text, not HTML");
});

await check("at phone width the editor keeps its height after a run, and the docs are there", async (page) => {
  await page.setViewport({ width: 375, height: 667, isMobile: true });
  await open(page);
  await page.click("#run");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("200"));
  const editor = await page.$eval("#query", (e) => e.getBoundingClientRect().height);
  assert.ok(editor >= 150, `the editor is ${editor} px tall after a run`);
  const docs = await page.$eval("#docs", (e) => e.getBoundingClientRect().height);
  assert.ok(docs >= 100, `the schema docs are ${docs} px tall`);
});

await check("a bad variables text is an error, and the last result does not stay beside it", async (page) => {
  await open(page);
  await runAndWait(page);
  await page.$eval("#variables", (e) => { e.value = "{bad"; });
  await page.click("#run");
  const shown = await status(page);
  assert.ok(shown.error && shown.text.startsWith("Variables are not valid JSON"), shown.text);
  const left = (await page.$eval("#result", (e) => e.textContent)).length;
  assert.ok(left === 0, `the result pane still holds the last answer (${left} characters)`);
  assert.equal(await page.$eval("#status", (e) => e.getAttribute("role")), "status", "screen readers are told of a result");
});

await check("what was typed survives a reload", async (page) => {
  await open(page);
  const query = '{ search(q: "子育て") { totalCount } }';
  await setQuery(page, query);
  await page.reload({ waitUntil: "networkidle0" });
  const kept = await page.$eval("#query", (e) => e.value);
  assert.ok(kept === query, `the editor holds ${JSON.stringify(kept.slice(0, 60))} after the reload`);
});

await check("Link puts the query in the address bar, which opens it again", async (page) => {
  await open(page);
  const query = '{ goal(id: "2") { title } }';
  await setQuery(page, query);
  await page.click("#share");
  assert.ok(new URL(page.url()).searchParams.get("query") === query, page.url());
  await page.goto(page.url(), { waitUntil: "networkidle0" });
  await runAndWait(page);
  assert.match(await page.$eval("#result", (e) => e.textContent), /"title"/);
});

await check("Link refuses a query too long for an address, and the address stays as it was", async (page) => {
  await open(page);
  await setQuery(page, `# ${"子育て支援の取組".repeat(120)}\n{ plan { title } }`);
  const before = page.url();
  await page.click("#share");
  const shown = await status(page);
  assert.ok(shown.error && shown.text.startsWith("Too long for a link"), shown.text);
  assert.equal(page.url(), before);
});

await check("the docs show arguments' descriptions and defaults, and a union's members", async (page) => {
  await open(page);
  await page.type("#filter", "search");
  const docs = await page.$eval("#schema", (e) => e.textContent);
  assert.ok(docs.includes("limit: Int = 50"), "search's limit is shown without its default");
  assert.ok(docs.includes("limit: How many results to return: 1 to 200."), "search's limit is shown without its description");
  assert.ok(docs.includes("One of: "), "the SearchItem union is shown without its members");
});

await browser.close();
// Favicon requests, script errors and CSP violations all reach the console as errors.
for (const problem of problems) console.log(`FAIL  ${problem}`);
console.log(`${failures + problems.length === 0 ? "all passed" : `${failures} check(s) failed, ${problems.length} console problem(s)`}`);
process.exit(failures + problems.length === 0 ? 0 : 1);
