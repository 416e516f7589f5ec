// Command line: tsx stack/src/cli.ts up|down|status|install [store...]
import { ALL_STORES, stackDown, stackInstall, stackStatus, stackUp } from './index';
import type { StoreName } from './index';

const USAGE = `Usage: tsx stack/src/cli.ts <command> [store...]

Commands:
  up       install if needed, start (or reuse) the stores, print their connection variables
  down     stop the stores this checkout started
  status   show each store's address and whether it answers
  install  download and build only

Stores: ${ALL_STORES.join(', ')} (default: all)`;

const log = (line: string): void => {
  process.stderr.write(`[stack] ${line}\n`);
};

function parseStores(args: string[]): StoreName[] {
  const known: readonly string[] = ALL_STORES;
  const bad = args.filter((a) => !known.includes(a));
  if (bad.length > 0) throw new Error(`unknown store(s): ${bad.join(', ')}\n\n${USAGE}`);
  return args as StoreName[];
}

async function main(argv: string[]): Promise<void> {
  // The AWS SDK warns about Node 20 when the DynamoDB health check builds a client; not our concern here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    if (command === undefined) process.exitCode = 2;
    return;
  }
  const stores = parseStores(rest);
  const t0 = Date.now();
  switch (command) {
    case 'up': {
      const { connections, started } = await stackUp({ stores, log });
      log(`up in ${((Date.now() - t0) / 1000).toFixed(1)} s; started: ${started.length > 0 ? started.join(', ') : 'none (all reused or external)'}`);
      for (const [key, value] of Object.entries(connections)) process.stdout.write(`${key}=${value}\n`);
      return;
    }
    case 'down':
      await stackDown(stores, { log });
      return;
    case 'install':
      await stackInstall(stores, { log });
      log(`installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      return;
    case 'status': {
      const rows = await stackStatus();
      const shown = stores.length > 0 ? rows.filter((r) => stores.includes(r.store)) : rows;
      for (const r of shown) {
        const state = r.healthy ? 'healthy' : 'DOWN';
        process.stdout.write(`${r.store.padEnd(10)} ${state.padEnd(8)} ${(r.external ? 'external' : 'local').padEnd(9)} ${r.url}\n`);
      }
      if (shown.some((r) => !r.healthy)) process.exitCode = 1;
      return;
    }
    default:
      throw new Error(`unknown command "${command}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  // the health-check clients may leave sockets closing; do not wait for them
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    process.stderr.write(`\nstack: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
