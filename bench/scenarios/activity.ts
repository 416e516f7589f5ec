import { interleave, warmUp, type Scenario } from '../lib/context';
import type { LoadAuth } from '../lib/load-protocol';
import { WEB } from '../lib/operations';
import { figureOf, ms, pairedRatio, rate, times } from '../lib/stats';

/** The web app flushes at most 50 events per recordEvents call (web/src/features/activity). */
const BATCH = 50;

export const activityScenario: Scenario = {
  id: 'activity',
  title: 'Activity ingestion (recordEvents)',
  about: 'events per second through recordEvents via the gateway and straight to the activity subgraph, side by side',
  quick: true,
  async run(context) {
    const { system, fixtures, load, options } = context;
    const viaGateway: LoadAuth = { kind: 'guest-token', tokens: fixtures.browsers.map((shopper) => shopper.token) };
    const direct: LoadAuth = { kind: 'signed', identities: fixtures.browsers.map((shopper) => shopper.identity), secret: system.identitySecret };
    const operation = { query: WEB.recordEvents, operationName: 'RecordEvents', variants: [{}] };
    const freshEvents = { count: BATCH, productIds: fixtures.productIds };
    const rows: string[][] = [];
    const data: unknown[] = [];
    const loadOf = (url: string, auth: LoadAuth) => ({ kind: 'graphql' as const, url, auth, operation, freshEvents });
    await warmUp(context, [loadOf(system.gatewayUrl, viaGateway), loadOf(system.subgraphUrl('activity'), direct)]);
    for (const connections of options.quick ? [4] : [1, 16]) {
      const run = (url: string, auth: LoadAuth) => () => load.run({ load: loadOf(url, auth), connections, durationSec: options.pairSeconds });
      const [gateway, subgraph] = await interleave(options.runs, [run(system.gatewayUrl, viaGateway), run(system.subgraphUrl('activity'), direct)]);
      const g = figureOf(gateway!);
      const s = figureOf(subgraph!);
      rows.push([
        String(connections),
        rate(g.rps * BATCH),
        `${ms(g.p50)} / ${ms(g.p99)}`,
        rate(s.rps * BATCH),
        `${ms(s.p50)} / ${ms(s.p99)}`,
        times(pairedRatio(subgraph!.map((r) => r.rps), gateway!.map((r) => r.rps))),
        String(g.failures + s.failures),
      ]);
      data.push({ connections, gateway, subgraph });
    }
    return {
      method: `RecordEvents as the web app sends it: batches of ${BATCH} new events (views and clicks, fresh ids, so none is a duplicate) from guest shoppers; through the gateway and straight to the activity subgraph with the same guest's signed identity, side by side, ${options.runs} runs of ${options.pairSeconds} s each.`,
      tables: [
        {
          columns: ['batches in flight', 'gateway events/s', 'gateway batch ms p50 / p99', 'direct events/s', 'direct batch ms p50 / p99', 'direct ÷ gateway', 'failed'],
          rows,
        },
      ],
      findings: [],
      notes: ['The activity engineer\'s own bench (bench/activity-ingest.ts, in-process subgraph, its own keyspace, batches of 100) runs as the "activity-direct" scenario.'],
      data,
    };
  },
};
