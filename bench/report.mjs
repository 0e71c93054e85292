// Turns a benchmark run (artifacts/bench/results.json) into the Markdown tables printed at the end and kept in
// bench/README.md. Usage on its own: node report.mjs artifacts/bench/results.json
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const fmt = (n, digits = 0) => (n === undefined || Number.isNaN(n) ? "–" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
// Round by round (the two servers' figures of a round were taken seconds apart), then the median of those ratios.
const roundRatios = (a, b) => (a.rounds && a.rounds.length === b.rounds?.length ? a.rounds.map((r, i) => r.rps / b.rounds[i].rps) : [a.rps / b.rps]);
const rpsRatio = (a, b) => median(roundRatios(a, b));
const ratio = (a, b) => (a && b ? `${rpsRatio(a, b).toFixed(2)}×` : "–");
const ms = (n) => (n === undefined ? "–" : n < 1 ? n.toFixed(2) : n.toFixed(1));

export function report(run, scenarios) {
  const s = (server, scenario) => run.servers[server]?.results[scenario];
  const lines = [];
  const rounds = run.settings.rounds ?? 1;
  lines.push(`Machine: ${run.machine}. wrk: ${run.settings.threads} threads, ${run.settings.connections} connections, ${run.settings.duration} s per scenario after a warm-up of up to 5 s, in ${rounds} round(s) in which the servers take turns; all servers up, one under load at a time, scenario by scenario. Figures are the rounds' medians; a ratio is the median of the rounds' ratios.`);
  lines.push("");
  lines.push("| Scenario | API req/s | nginx req/s | Kestrel ceiling req/s | json-server req/s | graphql-yoga req/s | API/nginx | ceiling/nginx | API/json-server | GraphQL/yoga |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const { name, label } of scenarios) {
    const api = s("api", name);
    lines.push(`| ${label} | ${fmt(api?.rps)} | ${fmt(s("nginx", name)?.rps)} | ${fmt(s("kestrel", name)?.rps)} | ${fmt(s("json-server", name)?.rps)} | ${fmt(s("graphql-yoga", name)?.rps)} | ${ratio(api, s("nginx", name))} | ${ratio(s("kestrel", name), s("nginx", name))} | ${ratio(api, s("json-server", name))} | ${ratio(api, s("graphql-yoga", name))} |`);
  }
  lines.push("");
  lines.push("Latency in ms, p50 / p99:");
  lines.push("");
  lines.push("| Scenario | API | nginx | Kestrel ceiling | json-server | graphql-yoga | response bytes (API) |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|");
  for (const { name, label } of scenarios) {
    const cell = (server) => (s(server, name) ? `${ms(s(server, name).p50)} / ${ms(s(server, name).p99)}` : "–");
    lines.push(`| ${label} | ${cell("api")} | ${cell("nginx")} | ${cell("kestrel")} | ${cell("json-server")} | ${cell("graphql-yoga")} | ${fmt(s("api", name)?.bytes)} |`);
  }
  const bad = Object.entries(run.servers).flatMap(([server, { results }]) =>
    Object.entries(results).filter(([, r]) => r.bad > 0 || r.socketErrors).map(([name, r]) => `${server} ${name}: ${r.bad} non-2xx/3xx, ${r.socketErrors ?? "no socket errors"}`));
  lines.push("");
  lines.push(bad.length ? `Errors under load: ${bad.join("; ")}.` : "Every answer under load was 2xx or 3xx; no socket errors.");
  lines.push("");
  lines.push("| Server | peak RSS (MB) | RSS after the run (MB) |");
  lines.push("|---|---:|---:|");
  for (const [server, { memory }] of Object.entries(run.servers)) lines.push(`| ${server} | ${fmt(memory.peakMb)} | ${fmt(memory.afterMb)} |`);
  const filled = run.servers.api.memoryAfterCacheFill;
  if (filled) lines.push("", `API after the uncached searches filled its output cache: RSS ${fmt(filled.afterMb)} MB (peak ${fmt(filled.peakMb)} MB).`);
  lines.push("");
  lines.push(`Start-up (API, Release): first run on an empty store ${fmt(run.startup.firstRunMs)} ms to the first 200 (seed import and store set-up ${fmt(run.startup.importMs)} ms of it); cold start on the existing store ${fmt(run.startup.coldStartMs)} ms median of 5 (max ${fmt(run.startup.coldStartMaxMs)} ms).`);
  lines.push("");
  lines.push(...targets(run, scenarios));
  return lines.join("\n") + "\n";
}

function targets(run, scenarios) {
  const api = run.servers.api.results;
  const nginx = run.servers.nginx?.results ?? {};
  const rest = scenarios.filter((x) => x.api?.path.startsWith("/api/")).map((x) => x.name);
  const vsNginx = rest.filter((n) => nginx[n]).map((n) => ({ n, r: rpsRatio(api[n], nginx[n]), each: roundRatios(api[n], nginx[n]) }));
  const worstNginx = vsNginx.reduce((a, b) => (b.r < a.r ? b : a));
  const spread = (xs) => (xs.length > 1 ? `; rounds ${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}×` : "");
  const worstP99 = rest.map((n) => ({ n, p99: api[n].p99 })).reduce((a, b) => (b.p99 > a.p99 ? b : a));
  const tree = rpsRatio(api["graphql-tree"], run.servers["graphql-yoga"].results["graphql-tree"]);
  const row = (what, target, value, ok) => `| ${what} | ${target} | ${value} | ${ok ? "met" : "**not met**"} |`;
  return [
    "| Target | Wanted | Measured | |",
    "|---|---|---|---|",
    row("cached REST GET vs nginx, identical bytes (worst scenario)", "≥ 0.7×", `${worstNginx.r.toFixed(2)}× (${worstNginx.n}${spread(worstNginx.each)})`, worstNginx.r >= 0.7),
    row("REST p99 (worst scenario)", "≤ 2 ms", `${ms(worstP99.p99)} ms (${worstP99.n})`, worstP99.p99 <= 2),
    row("GraphQL full tree vs graphql-yoga", "≥ 2×", `${tree.toFixed(2)}×`, tree >= 2),
    row("cold start, existing store", "≤ 1 s", `${fmt(run.startup.coldStartMs)} ms`, run.startup.coldStartMs <= 1000),
    row("first run, seed import included", "≤ 2 s", `${fmt(run.startup.firstRunMs)} ms`, run.startup.firstRunMs <= 2000),
    row("API RSS after the run", "≤ 150 MB", `${fmt(run.servers.api.memory.afterMb)} MB`, run.servers.api.memory.afterMb <= 150),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { scenarios } = await import("./scenarios.mjs");
  console.log(report(JSON.parse(readFileSync(process.argv[2], "utf8")), scenarios));
}
