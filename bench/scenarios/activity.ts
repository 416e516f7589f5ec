import { randomUUID } from 'node:crypto';
import { IDENTITY_HEADER, signIdentity } from '@shop/platform';
import { interleave, warmUp, type BenchContext, type Scenario } from '../lib/context';
import { dataOf, guestHeaders, postGraphQL } from '../lib/graphql-http';
import type { LoadAuth, LoadResult } from '../lib/load-protocol';
import { WEB } from '../lib/operations';
import { figureOf, median, ms, pairedRatio, rate, times } from '../lib/stats';

/** The web app flushes at most 50 events per recordEvents call (web/src/features/activity). */
const BATCH = 50;

/** events/s of one side: the median over runs, and the slowest and fastest run. */
function eventsPerSecond(runs: readonly LoadResult[]): string {
  const values = runs.map((run) => run.rps * BATCH);
  return `${rate(median(values))} (${rate(Math.min(...values))}–${rate(Math.max(...values))})`;
}

/**
 * One batch each way before timing anything: the load counts every 2xx answer without GraphQL
 * errors as 50 events ingested, so check that such an answer does mean 50 accepted (none rejected).
 */
async function checkAccepted(context: BenchContext): Promise<string> {
  const { system, fixtures } = context;
  const shopper = fixtures.browsers[0]!;
  const at = new Date().toISOString();
  const batch = () => Array.from({ length: BATCH }, (_, i) => ({ id: randomUUID(), at, type: 'view', productId: fixtures.productIds[i % fixtures.productIds.length]! }));
  const paths = [
    ['through the gateway', system.gatewayUrl, guestHeaders(shopper.token)],
    ['straight to activity', system.subgraphUrl('activity'), { [IDENTITY_HEADER]: signIdentity(shopper.identity, system.identitySecret) }],
  ] as const;
  const seen: string[] = [];
  for (const [label, url, headers] of paths) {
    const answer = await postGraphQL<{ recordEvents: { accepted: number; rejected: Array<{ code: string; message: string }> } }>(url, WEB.recordEvents, { events: batch() }, headers);
    const { accepted, rejected } = dataOf(answer, `recordEvents ${label}`).recordEvents;
    if (accepted !== BATCH || rejected.length > 0) throw new Error(`recordEvents ${label} accepted ${accepted} of ${BATCH}: ${rejected[0]?.code ?? ''} ${rejected[0]?.message ?? ''}`);
    seen.push(`${label} ${accepted}/${BATCH}`);
  }
  return seen.join(', ');
}

export const activityScenario: Scenario = {
  id: 'activity',
  title: 'Activity ingestion (recordEvents)',
  about: 'events per second through recordEvents via the gateway and straight to the activity subgraph, side by side, 1 and 16 batches in flight',
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
    const accepted = await checkAccepted(context);
    await warmUp(context, [loadOf(system.gatewayUrl, viaGateway), loadOf(system.subgraphUrl('activity'), direct)]);
    for (const connections of [1, 16]) {
      const run = (url: string, auth: LoadAuth) => () => load.run({ load: loadOf(url, auth), connections, durationSec: options.pairSeconds });
      const [gateway, subgraph] = await interleave(options.runs, [run(system.gatewayUrl, viaGateway), run(system.subgraphUrl('activity'), direct)]);
      const g = figureOf(gateway!);
      const s = figureOf(subgraph!);
      context.log(`  recordEvents × ${connections}: gateway ${rate(g.rps * BATCH)} events/s, direct ${rate(s.rps * BATCH)} events/s`);
      rows.push([
        String(connections),
        eventsPerSecond(gateway!),
        `${ms(g.p50)} / ${ms(g.p99)}`,
        eventsPerSecond(subgraph!),
        `${ms(s.p50)} / ${ms(s.p99)}`,
        times(pairedRatio(subgraph!.map((r) => r.rps), gateway!.map((r) => r.rps))),
        String(g.failures + s.failures),
      ]);
      data.push({ connections, gateway, subgraph });
    }
    return {
      method: `RecordEvents as the web app sends it: batches of ${BATCH} new events (views and clicks, fresh ids, so none is a duplicate) from guest shoppers; through the gateway and straight to the activity subgraph with the same guest's signed identity, side by side, ${options.runs} runs of ${options.pairSeconds} s each at 1 and 16 batches in flight. events/s = batches answered per second × ${BATCH}: the median over the runs, (slowest–fastest run) after it.`,
      tables: [
        {
          columns: ['batches in flight', 'gateway events/s median (range)', 'gateway batch ms p50 / p99', 'direct events/s median (range)', 'direct batch ms p50 / p99', 'direct ÷ gateway', 'failed'],
          rows,
        },
      ],
      findings: [],
      notes: [
        `Checked before timing, one batch each way: ${accepted} accepted, none rejected (an answer without errors is counted as ${BATCH} events).`,
        'The batches carry no categoryIds; the web app sends them with views and clicks, and each category adds counter rows to the write (see subgraphs/activity/README.md), so these figures are an upper bound for real traffic.',
        'The standalone bench (bench/activity-ingest.ts, in-process subgraph, its own keyspace, batches of 100) runs as the "activity-direct" scenario.',
      ],
      data,
    };
  },
};
