// The benchmark itself, started by bench/run once the API is published and the tools are installed.
// Measures start-up, then drives the API, nginx (static copies of the API's own bytes), the Kestrel ceiling,
// json-server and graphql-yoga with the same wrk settings, one under load at a time, scenario by scenario, and
// prints one table (also in artifacts/bench/results.md).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { report } from "./report.mjs";
import { scenarios } from "./scenarios.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const work = join(root, "artifacts", "bench");
const publish = join(work, "publish");
const settings = {
  duration: Number(process.env.BENCH_DURATION ?? 10),
  // The duration is split into rounds, servers taking turns in each, so that a ratio pairs figures taken seconds
  // apart: a shared machine's speed drifts by tens of percent within minutes (bench/README.md).
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 32),
  threads: 2,
  coldStarts: 5,
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function freePort() {
  return new Promise((res) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => res(port));
    });
  });
}

const children = new Set();
// A failed run must not leave servers behind on the machine.
process.on("exit", () => children.forEach((c) => c.exitCode === null && c.kill("SIGKILL")));

function start(name, command, args, options = {}) {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  child.log = "";
  child.stdout.on("data", (d) => (child.log += d));
  child.stderr.on("data", (d) => (child.log += d));
  child.on("exit", () => writeFileSync(join(work, `${name}.log`), child.log, { flag: "a" }));
  return child;
}

async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** Milliseconds from t0 until url answers 200, polling every 5 ms (connection refused costs little). */
async function untilOk(url, t0, timeoutMs = 120_000) {
  while (performance.now() - t0 < timeoutMs) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    await sleep(5);
  }
  throw new Error(`${url} not answering 200 after ${timeoutMs} ms`);
}

function startApi(port, store) {
  // The app host, as the Docker image starts it: the publish is self-contained (its own runtime, one composite image).
  return start("api", "./Kushiro.OpenData.Api", ["--urls", `http://127.0.0.1:${port}`], {
    cwd: publish,
    // The rate limit at its highest (1.6 million a second): the limiter's work is measured, but it never refuses the
    // load generator, one address making tens of thousands of uncached requests a second.
    env: { ...process.env, ConnectionStrings__Store: `Data Source=${store}`, DOTNET_CLI_TELEMETRY_OPTOUT: "1", RateLimit__PermitsPerMinute: "100000000" },
  });
}

/** Peak and current resident memory of a process and its children, in MB (nginx has workers). */
function memory(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    for (const task of readdir(`/proc/${pids[i]}/task`)) {
      const children = read(`/proc/${pids[i]}/task/${task}/children`).trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    }
  }
  const kb = (field) => pids.reduce((sum, p) => sum + Number(read(`/proc/${p}/status`).match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0), 0);
  return { peakMb: kb("VmHWM") / 1024, afterMb: kb("VmRSS") / 1024 };
}
const read = (file) => (existsSync(file) ? readFileSync(file, "utf8") : "");
const readdir = (dir) => (existsSync(dir) ? readdirSync(dir) : []);

/** One wrk run; the request (method, headers, body) goes in a Lua script so GET and POST are driven alike. */
async function wrk(name, url, request, duration = settings.duration) {
  const script = join(work, "wrk", `${name}.lua`);
  const lua = [`wrk.method = ${JSON.stringify(request.method ?? "GET")}`];
  if (request.randomOffset) lua.push('request = function() return wrk.format(nil, wrk.path .. "&offset=" .. math.random(0, 2000000000)) end');
  if (request.body) lua.push(`wrk.body = ${JSON.stringify(request.body)}`);
  for (const [header, value] of Object.entries(request.headers ?? {})) lua.push(`wrk.headers[${JSON.stringify(header)}] = ${JSON.stringify(value)}`);
  writeFileSync(script, lua.join("\n") + "\n");
  const args = [`-t${settings.threads}`, `-c${settings.connections}`, `-d${duration}s`, "--latency", "-s", script, url];
  const output = await new Promise((res, rej) => {
    const child = spawn("wrk", args);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? res(out) : rej(new Error(`wrk ${name}: ${out}`))));
  });
  writeFileSync(join(work, "wrk", `${name}.txt`), output);
  return parseWrk(output);
}

function parseWrk(output) {
  const time = (s) => {
    const [, n, unit] = s.match(/([\d.]+)(us|ms|s|m)/);
    return Number(n) * { us: 0.001, ms: 1, s: 1000, m: 60000 }[unit];
  };
  return {
    rps: Number(output.match(/Requests\/sec:\s+([\d.]+)/)[1]),
    p50: time(output.match(/\s50%\s+(\S+)/)[1]),
    p99: time(output.match(/\s99%\s+(\S+)/)[1]),
    bad: Number(output.match(/Non-2xx or 3xx responses:\s+(\d+)/)?.[1] ?? 0),
    socketErrors: output.match(/Socket errors:.*/)?.[0] ?? null,
  };
}

/**
 * Exactly one answer, as wrk would get it: only the headers given (fetch would add Accept-Encoding, and Cache-Control:
 * no-cache to a conditional request, which json-server then answers in full).
 */
function once(base, request) {
  return new Promise((res, rej) => {
    const req = httpRequest(base + request.path, { method: request.method ?? "GET", headers: request.headers ?? {} }, (response) => {
      const chunks = [];
      response.on("data", (c) => chunks.push(c));
      response.on("end", () => res({ status: response.statusCode, headers: response.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on("error", rej);
    req.end(request.body);
  });
}

/** One server, one scenario: check the answer once and warm up. The request to measure; undefined when the server has none. */
async function prepare(target, base, scenario) {
  // Kestrel's ceiling serves the same static copies as nginx.
  let request = scenario[target === "kestrel" ? "nginx" : target];
  if (!request) return undefined;
  if (request.revalidate) {
    // A poller learnt its ETag elsewhere (same bytes, other headers), so nothing here has served its variant.
    const { headers } = await once(base, request.poller ? { ...request, headers: {} } : request);
    if (!headers.etag) return undefined; // the Kestrel ceiling sends no validators
    request = { ...request, headers: { ...request.headers, "If-None-Match": headers.etag } };
  }
  let answer = await once(base, request);
  // The API answers a revalidation its cache cannot answer yet in full (and keeps it): the next one must be a 304.
  if (request.poller && answer.status === 200) answer = await once(base, request);
  const expected = request.revalidate ? 304 : 200;
  if (answer.status !== expected) throw new Error(`${target} ${scenario.name}: ${answer.status}, expected ${expected}`);
  // Long enough for tiered compilation to settle on the hot paths.
  await wrk(`${target}-${scenario.name}-warmup`, base + request.path, request, Math.min(5, settings.duration));
  return { request, bytes: answer.bytes.length };
}

/** The rounds' medians (p99 too: one round's scheduling hiccup is not the server's), their sum of errors, and each round. */
function combine(rounds, bytes) {
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    bad: rounds.reduce((sum, r) => sum + r.bad, 0),
    socketErrors: rounds.map((r) => r.socketErrors).find((e) => e) ?? null,
    rounds: rounds.map(({ rps, p50, p99 }) => ({ rps, p50, p99 })),
    bytes,
  };
}

/**
 * Every server is up (the others idle) while one is under load, scenario by scenario: the figures a ratio compares
 * are taken within a minute of each other, since a shared machine's speed can drift by tens of percent in an hour.
 */
async function driveAll(servers) {
  const measured = {};
  for (const server of servers) measured[server.key] = { results: {} };
  const roundSeconds = Math.max(1, Math.round(settings.duration / settings.rounds));
  for (const scenario of scenarios) {
    console.log(scenario.label);
    const prepared = [];
    for (const server of servers) {
      // RSS as the realistic scenarios leave it; a scenario that fills the cache on purpose comes last.
      if (scenario[server.target]?.fillsCache) measured[server.key].memoryBefore ??= memory(server.pid);
      const ready = await prepare(server.target, server.base, scenario);
      if (ready) prepared.push({ server, ...ready, rounds: [] });
    }
    for (let round = 1; round <= settings.rounds; round++) {
      for (const entry of prepared) {
        const { server, request } = entry;
        entry.rounds.push(await wrk(`${server.target}-${scenario.name}-${round}`, server.base + request.path, request, roundSeconds));
      }
    }
    for (const { server, rounds, bytes } of prepared) {
      const result = combine(rounds, bytes);
      measured[server.key].results[scenario.name] = result;
      console.log(`  ${server.target} ${scenario.name}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms (median of ${rounds.length})`);
    }
  }
  for (const server of servers) {
    const { results, memoryBefore } = measured[server.key];
    measured[server.key] = { results, memory: memoryBefore ?? memory(server.pid), memoryAfterCacheFill: memoryBefore ? memory(server.pid) : undefined };
  }
  return measured;
}

async function main() {
  rmSync(join(work, "wrk"), { recursive: true, force: true });
  rmSync(join(work, "static"), { recursive: true, force: true });
  mkdirSync(join(work, "wrk"), { recursive: true });
  mkdirSync(join(work, "static"), { recursive: true });
  const store = join(work, "store.db");
  const run = { settings, machine: machine(), servers: {}, startup: {} };

  // First run: an empty store, so the seed is imported before the first answer.
  for (const suffix of ["", "-shm", "-wal"]) rmSync(store + suffix, { force: true });
  let port = await freePort();
  let t0 = performance.now();
  let api = startApi(port, store);
  run.startup.firstRunMs = await untilOk(`http://127.0.0.1:${port}/api/v1/goals`, t0);
  run.startup.importMs = Number(api.log.match(/Store updated from seed \w+ in (\d+) ms/)?.[1] ?? NaN);
  await stop(api);

  // Cold starts on the existing store.
  const cold = [];
  for (let i = 0; i < settings.coldStarts; i++) {
    port = await freePort();
    t0 = performance.now();
    api = startApi(port, store);
    cold.push(await untilOk(`http://127.0.0.1:${port}/api/v1/goals`, t0));
    await stop(api);
  }
  run.startup.coldStartMs = median(cold);
  run.startup.coldStartMaxMs = Math.max(...cold);
  console.log(`start-up: first run ${run.startup.firstRunMs.toFixed(0)} ms (import ${run.startup.importMs} ms), cold start median ${run.startup.coldStartMs.toFixed(0)} ms`);

  // The API under load, and the bytes the static copies and the peers are checked against.
  port = await freePort();
  api = startApi(port, store);
  const apiBase = `http://127.0.0.1:${port}`;
  await untilOk(`${apiBase}/api/v1/goals`, performance.now());
  const apiAnswers = {};
  for (const scenario of scenarios) {
    if (scenario.api && !scenario.api.revalidate) apiAnswers[scenario.name] = await once(apiBase, scenario.api);
    if (scenario.nginx && !scenario.api.revalidate) writeFileSync(join(work, "static", scenario.nginx.file), apiAnswers[scenario.name].bytes);
  }
  await runNode(join(root, "bench", "peers", "export.mjs"), [apiBase, work]);

  // nginx: the API's exact bytes as static files.
  port = await freePort();
  writeFileSync(join(work, "nginx.conf"), nginxConf(port));
  const nginx = start("nginx", "nginx", ["-c", join(work, "nginx.conf"), "-e", join(work, "nginx-error.log")]);
  const nginxBase = `http://127.0.0.1:${port}`;
  await untilOk(`${nginxBase}/${scenarios[0].nginx.file}`, performance.now(), 10_000);
  for (const scenario of scenarios.filter((s) => s.nginx && !s.nginx.revalidate)) {
    const copy = await once(nginxBase, scenario.nginx);
    if (!copy.bytes.equals(apiAnswers[scenario.name].bytes)) throw new Error(`nginx ${scenario.name}: not the API's bytes`);
  }

  // The Kestrel ceiling: bare endpoints writing the same bytes from memory.
  port = await freePort();
  const kestrel = start("kestrel", join(work, "ceiling", "KestrelCeiling"), [join(work, "static"), "--urls", `http://127.0.0.1:${port}`]);
  const kestrelBase = `http://127.0.0.1:${port}`;
  await untilOk(`${kestrelBase}/${scenarios[0].nginx.file}`, performance.now(), 30_000);

  port = await freePort();
  const peers = join(root, "bench", "peers");
  const jsonServer = start("json-server", "node", [join(peers, "node_modules", "json-server", "lib", "cli", "bin.js"), "--port", String(port), "--host", "127.0.0.1", "--quiet", join(work, "db.json")]);
  const jsonServerBase = `http://127.0.0.1:${port}`;
  await untilOk(`${jsonServerBase}/subMeasures/1-1-1`, performance.now(), 30_000);

  port = await freePort();
  const yoga = start("yoga", "node", [join(peers, "yoga.mjs"), join(root, "openapi", "schema.graphql"), join(work, "graphql-data.json"), String(port)]);
  const yogaBase = `http://127.0.0.1:${port}`;
  await untilOk(`${yogaBase}/graphql?query=%7B__typename%7D`, performance.now(), 30_000);
  for (const scenario of scenarios.filter((s) => s.yoga)) {
    const theirs = JSON.parse((await once(yogaBase, scenario.yoga)).bytes);
    const ours = JSON.parse(apiAnswers[scenario.name].bytes);
    if (!isDeepStrictEqual(theirs, ours)) throw new Error(`graphql-yoga ${scenario.name}: not the API's answer`);
  }

  run.servers = await driveAll([
    { key: "api", target: "api", base: apiBase, pid: api.pid },
    { key: "nginx", target: "nginx", base: nginxBase, pid: nginx.pid },
    { key: "kestrel", target: "kestrel", base: kestrelBase, pid: kestrel.pid },
    { key: "json-server", target: "jsonServer", base: jsonServerBase, pid: jsonServer.pid },
    { key: "graphql-yoga", target: "yoga", base: yogaBase, pid: yoga.pid },
  ]);
  for (const server of [api, nginx, kestrel, jsonServer, yoga]) await stop(server);

  writeFileSync(join(work, "results.json"), JSON.stringify(run, null, 2));
  const table = report(run, scenarios);
  writeFileSync(join(work, "results.md"), table);
  console.log("\n" + table);
}

function runNode(script, args) {
  return new Promise((res, rej) => {
    const child = spawn("node", [script, ...args], { stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? res() : rej(new Error(`${script} exited ${code}`))));
  });
}

function nginxConf(port) {
  const tmp = join(work, "nginx-tmp");
  mkdirSync(tmp, { recursive: true });
  // Static files as a CDN edge would serve them: sendfile, keep-alive, ETag, the API's media types and charset.
  return `worker_processes auto;
pid ${join(work, "nginx.pid")};
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  types { application/json json; application/ld+json jsonld; }
  charset utf-8;
  charset_types application/json application/ld+json;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${join(work, "static")};
    add_header Cache-Control "public, no-cache";
  }
}
`;
}

function machine() {
  const cpu = read("/proc/cpuinfo").match(/model name\s*:\s*(.*)/)?.[1] ?? "unknown CPU";
  const cores = (read("/proc/cpuinfo").match(/^processor/gm) ?? []).length;
  const memGb = Number(read("/proc/meminfo").match(/MemTotal:\s+(\d+)/)?.[1] ?? 0) / 1024 / 1024;
  return `${cpu}, ${cores} cores, ${memGb.toFixed(0)} GiB, ${read("/etc/os-release").match(/PRETTY_NAME="(.*)"/)?.[1] ?? "Linux"}`;
}

main().catch(async (e) => {
  console.error(e);
  // Every server is up during the load phase; nginx's workers would outlive a SIGKILLed master (the exit handler's
  // last resort), so each one is asked to stop first, for up to 10 s.
  await Promise.race([Promise.all([...children].map(stop)), sleep(10_000)]);
  process.exit(1);
});
