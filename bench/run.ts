/**
 * `npm run bench [-- --quick] [-- --only pages,peer] [-- --skip scale] [-- --runs 3] [-- --seconds 3] [-- --list]`
 *
 * Loads the running shop on loopback (or starts it: see lib/system.ts) with autocannon from a
 * separate process, prints a table per scenario and writes bench/reports/latest.md (+ .json).
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchContext, BenchOptions, Scenario } from './lib/context';
import { prepareFixtures, restoreStock, type Fixtures } from './lib/fixtures';
import { guestHeaders, postGraphQL } from './lib/graphql-http';
import { LoadRunner } from './lib/load-runner';
import { pageOperations } from './lib/operations';
import { machine, printSection, writeReport, type Report, type Section } from './lib/report';
import { ensureSystem, type System } from './lib/system';
import { activityScenario } from './scenarios/activity';
import { contentionScenario } from './scenarios/contention';
import { gatewayOverheadScenario } from './scenarios/gateway-overhead';
import { pagesScenario } from './scenarios/pages';
import { peerScenario } from './scenarios/peer';
import { roundTripsScenario } from './scenarios/round-trips';
import { scaleScenario } from './scenarios/scale';
import { BENCH_SCRIPTS, scriptScenario } from './scenarios/scripts';

const SCENARIOS: Array<Scenario & { inFullRun?: boolean }> = [
  roundTripsScenario,
  pagesScenario,
  gatewayOverheadScenario,
  contentionScenario,
  activityScenario,
  ...BENCH_SCRIPTS.map(scriptScenario),
  scaleScenario,
  peerScenario,
];

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

function parseOptions() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      skip: { type: 'string' },
      runs: { type: 'string' },
      seconds: { type: 'string' },
      list: { type: 'boolean', default: false },
    },
  });
  const quick = values.quick ?? false;
  const runs = Number(values.runs ?? 3);
  const seconds = Number(values.seconds ?? (quick ? 1 : 2.5));
  if (!Number.isInteger(runs) || runs < 3) throw new Error('--runs must be a whole number of at least 3 (every figure is a median of runs)');
  if (!(seconds > 0 && seconds <= 60)) throw new Error('--seconds must be between 0 and 60');
  const ids = (text: string | undefined) => (text ? text.split(',').map((id) => id.trim()).filter(Boolean) : []);
  const only = ids(values.only);
  const skip = new Set(ids(values.skip));
  const unknown = [...only, ...skip].filter((id) => !SCENARIOS.some((scenario) => scenario.id === id));
  if (unknown.length > 0) throw new Error(`Unknown scenario(s): ${unknown.join(', ')}; see --list`);
  const selected = SCENARIOS.filter((scenario) =>
    only.length > 0 ? only.includes(scenario.id) : !skip.has(scenario.id) && (quick ? scenario.quick : scenario.inFullRun !== false),
  );
  return { list: values.list ?? false, partial: quick || only.length > 0 || skip.size > 0, options: { quick, runs, seconds, pairSeconds: quick ? seconds : Math.min(seconds, 2) } satisfies BenchOptions, selected };
}

function listScenarios(): void {
  process.stdout.write('Scenarios (npm run bench -- --only <id>[,<id>]):\n');
  for (const scenario of SCENARIOS) {
    const when = scenario.quick ? 'full + quick' : scenario.inFullRun === false ? 'only with --only' : 'full';
    process.stdout.write(`  ${scenario.id.padEnd(22)} ${when.padEnd(17)} ${scenario.about}\n`);
  }
}

/** The recommendations index fills in the background after a first start: wait for `similar` to answer. */
async function waitForRecommendations(system: System, fixtures: Fixtures, timeoutMs: number): Promise<string | null> {
  const product = pageOperations(fixtures).product;
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  while (Date.now() < deadline) {
    const answer = await postGraphQL<{ product: { similar: unknown[] } | null }>(system.gatewayUrl, product.query, product.variants[0]!, guestHeaders(fixtures.browsers[0]!.token));
    if ((answer.data?.product?.similar.length ?? 0) > 0) return null;
    if (!announced) log('waiting for the recommendations index to fill (first start embeds the catalog)…');
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
  return `Product.similar was still empty after ${timeoutMs / 1000} s (recommendations index still building): product-page figures include an empty similar list.`;
}

async function main(): Promise<void> {
  const { list, partial, options, selected } = parseOptions();
  if (list) return listScenarios();
  const started = Date.now();
  const report: Report = {
    date: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    mode: `${options.quick ? 'quick' : 'full'}: ${options.runs} runs per figure, ${options.seconds} s per page run, ${options.pairSeconds} s per side-by-side run`,
    machine: machine(),
    system: '',
    sections: [],
  };
  log(`load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}; scenarios: ${selected.map((scenario) => scenario.id).join(', ')}`);
  const system = await ensureSystem(log);
  report.system = system.startedByBench ? 'started by the bench (npm start layout, round-trip probe preloaded, per-address rate limit lifted)' : 'the running shop (npm start)';
  if (system.startedByBench && process.env.CATALOG_DB) report.system += `; demo catalog in database ${process.env.CATALOG_DB} (CATALOG_DB)`;
  const load = new LoadRunner();
  let fixtures: Fixtures | undefined;
  try {
    for (const scenario of selected) scenario.prepare?.({ system, options, log });
    fixtures = await prepareFixtures(system, log, options.quick ? { browsers: 16, buyers: 16, contenders: 50 } : undefined);
    const waited = await waitForRecommendations(system, fixtures, options.quick ? 60_000 : 600_000);
    if (waited) report.system += `. ${waited}`;
    const context: BenchContext = { system, fixtures, load, options, log };
    for (const scenario of selected) {
      log(`${scenario.title}…`);
      const begun = Date.now();
      let section: Section;
      try {
        section = { id: scenario.id, title: scenario.title, ...(await scenario.run(context)) };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const reason = message.length > 400 ? `${message.slice(0, 400)}…` : message;
        section = { id: scenario.id, title: scenario.title, method: scenario.about, tables: [], findings: [], notes: [], data: null, skipped: `failed: ${reason}` };
      }
      section.seconds = (Date.now() - begun) / 1000;
      report.sections.push(section);
      printSection(section, (text) => process.stdout.write(text));
    }
  } finally {
    for (const scenario of selected) await scenario.cleanup?.().catch((error: unknown) => log(`${scenario.id} cleanup: ${String(error)}`));
    if (fixtures) await restoreStock(system, fixtures).catch((error: unknown) => log(`could not put the stock back: ${String(error)}`));
    load.close();
    await system.stop();
  }
  report.machine.loadAverageEnd = loadavg().map((value) => Math.round(value * 100) / 100);
  report.durationSec = (Date.now() - started) / 1000;
  const directory = join(__dirname, 'reports');
  const files = writeReport(report, directory, partial ? 'last-partial' : 'latest');
  log(`report: ${files.markdown} (${(report.durationSec / 60).toFixed(1)} min)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
