import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/services';
import type { Scenario, SectionBody } from '../lib/context';
import type { Table } from '../lib/report';

/** Standalone benchmarks; the suite runs them as they are, as separate processes. */
export interface BenchScript {
  id: string;
  file: string;
  about: string;
  /** Arguments of a run inside the suite (bounded); quick runs use `quickArgs`. */
  args: string[];
  quickArgs?: string[];
  /** Part of a full `npm run bench`; the others run only when named with --only. */
  inFullRun: boolean;
}

export const BENCH_SCRIPTS: BenchScript[] = [
  {
    id: 'activity-direct',
    file: 'bench/activity-ingest.ts',
    about: "recordEvents straight into an in-process activity subgraph (own keyspace, batches of 100)",
    args: ['--events', '1000', '--runs', '3', '--concurrency', '1,16'],
    inFullRun: true,
  },
  {
    id: 'catalog-listing',
    file: 'bench/catalog-listing.ts',
    about: "the web app's listing queries against a catalog process at 2,000 and 100,000 products, four phases (seeds and drops its own databases, or reuses them with --keep)",
    args: [],
    inFullRun: false,
  },
  {
    id: 'inventory-contention',
    file: 'bench/inventory-contention.ts',
    about: "stock checks for 24/100 products and reservations/s over 5 hot SKUs (in-process, own table)",
    args: ['--iterations', '100', '--reservations', '500'],
    inFullRun: false,
  },
  {
    id: 'recommendations-eval',
    file: 'bench/recommendations-eval.ts',
    about: 'quality of similar and personal recommendations on the real data sets (offline; long)',
    args: [],
    inFullRun: false,
  },
  {
    id: 'orders-checkout',
    file: 'bench/orders-checkout.ts',
    about: 'placeOrder on the orders subgraph alone (in-process, real catalog/inventory/cart subgraphs)',
    args: ['--checkouts', '100', '--concurrency', '1,8', '--runs', '3'],
    quickArgs: ['--checkouts', '20', '--concurrency', '1,8', '--runs', '1'],
    inFullRun: false,
  },
  {
    id: 'inventory-stock',
    file: 'bench/inventory-stock.ts',
    about: 'stock reads of product cards and variants on inventory processes: latency, CPU and DynamoDB calls per request, read cache off and on',
    args: [],
    inFullRun: false,
  },
  {
    id: 'recommendations-similar',
    file: 'bench/recommendations-similar.ts',
    about: 'similar() over a 100,000-vector local index: p50/p99 and recall@10 against exact search',
    args: [],
    inFullRun: false,
  },
  {
    id: 'cart-latency',
    file: 'subgraphs/cart/bench/cart-latency.ts',
    about: 'addToCart and cart reads on the cart subgraph alone',
    args: ['200'],
    inFullRun: false,
  },
];

/** The Markdown-style tables (`| a | b |` lines) a script printed. */
export function tablesIn(lines: readonly string[]): Table[] {
  const tables: Table[] = [];
  let current: string[][] = [];
  let title: string | undefined;
  const flush = () => {
    if (current.length > 1) tables.push({ title, columns: current[0]!, rows: current.slice(1) });
    current = [];
  };
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith('|') && trimmed.endsWith('|')) {
      const cells = trimmed.slice(1, -1).split('|').map((cell) => cell.trim());
      if (!cells.every((cell) => /^:?-+:?$/.test(cell))) current.push(cells);
    } else {
      flush();
      if (trimmed) title = trimmed.replace(/^#+\s*/, '');
    }
  }
  flush();
  return tables;
}

function runScript(script: BenchScript, args: string[], log: (line: string) => void): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, script.file), ...args], { cwd: REPO_ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    const take = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        lines.push(line);
        log(`  ${script.id}: ${line}`);
      }
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.on('exit', (code) => resolve({ code, lines }));
  });
}

export function scriptScenario(script: BenchScript): Scenario & { inFullRun: boolean } {
  return {
    id: script.id,
    title: `${script.id} (${script.file})`,
    about: script.about,
    quick: false,
    inFullRun: script.inFullRun,
    async run(context): Promise<SectionBody> {
      const args = context.options.quick && script.quickArgs ? script.quickArgs : script.args;
      const command = `npx tsx ${script.file} ${args.join(' ')}`.trim();
      if (!existsSync(join(REPO_ROOT, script.file))) {
        return { method: command, tables: [], findings: [], notes: [], data: null, skipped: `${script.file} is not there yet` };
      }
      const { code, lines } = await runScript(script, args, context.log);
      const tables = tablesIn(lines);
      return {
        method: `Run as it is, in its own process: \`${command}\`. Its own tables follow${tables.length === 0 ? ' (it printed none; see the JSON for its output)' : ''}.`,
        tables,
        findings: code === 0 ? [] : [`${script.file} exited with code ${code}: ${lines.slice(-3).join(' / ')}`],
        notes: [],
        data: { command, code, output: lines },
      };
    },
  };
}
