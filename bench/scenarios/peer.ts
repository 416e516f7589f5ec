import { join } from 'node:path';
import { interleave, warmUp, type BenchContext, type Scenario } from '../lib/context';
import { guestHeaders, postGraphQL } from '../lib/graphql-http';
import type { GraphQLOperation, LoadAuth } from '../lib/load-protocol';
import { pageOperations } from '../lib/operations';
import { startServiceProcess, stopProcesses, waitForUrl } from '@shop/stack';
import { figureOf, ms, pairedRatio, rate, times } from '../lib/stats';
import { probeAll } from './round-trips';

const PEER_PORT = 4090;
const BENCH_GUEST_HEADER = 'x-bench-guest';

/** Whether both gateways give the same data for one request of the page (a sanity check, not a timing). */
async function sameData(context: BenchContext, peerUrl: string, operation: GraphQLOperation): Promise<string> {
  const shopper = context.fixtures.browsers[1]!;
  const variables = operation.variants[0]!;
  const ours = await postGraphQL(context.system.gatewayUrl, operation.query, variables, guestHeaders(shopper.token));
  const theirs = await postGraphQL(peerUrl, operation.query, variables, { [BENCH_GUEST_HEADER]: shopper.identity.guestId! });
  if (theirs.errors?.length) return `peer errors: ${theirs.errors[0]!.message.slice(0, 80)}`;
  return JSON.stringify(ours.data) === JSON.stringify(theirs.data) ? 'yes' : 'differs';
}

/** Subgraph requests one page query causes through a gateway, counted by the services' probe ("–" without it). */
async function subgraphRequests(context: BenchContext, send: () => Promise<unknown>): Promise<string> {
  if (!context.system.probe) return '–';
  await send();
  await probeAll(context, true);
  await send();
  const counts = await probeAll(context, false);
  return String(Object.entries(counts).filter(([service]) => service !== 'gateway').reduce((sum, [, c]) => sum + Object.entries(c).filter(([key]) => key.startsWith('http:from')).reduce((n, [, v]) => n + v, 0), 0));
}

export const peerScenario: Scenario = {
  id: 'peer',
  title: 'Peer: @graphql-hive/gateway on the same subgraphs',
  about: 'the page queries through @graphql-hive/gateway (same supergraph.graphql, same subgraphs) as a ratio to our gateway',
  quick: true,
  async run(context) {
    const { system, fixtures, load, options, log } = context;
    const peer = startServiceProcess('hive-gateway', join(__dirname, '..', 'peer', 'hive-gateway.ts'), { env: { ...process.env, PORT: String(PEER_PORT), IDENTITY_SECRET: system.identitySecret } });
    try {
      await waitForUrl(peer, `http://127.0.0.1:${PEER_PORT}/readiness`, 120_000);
      const peerUrl = `http://127.0.0.1:${PEER_PORT}/graphql`;
      const ours: LoadAuth = { kind: 'guest-token', tokens: fixtures.browsers.map((shopper) => shopper.token) };
      const theirs: LoadAuth = { kind: 'header', name: BENCH_GUEST_HEADER, values: fixtures.browsers.map((shopper) => shopper.identity.guestId!) };
      const operations = pageOperations(fixtures);
      const rows: string[][] = [];
      const data: unknown[] = [];
      const findings: string[] = [];
      for (const [label, operation] of [
        ['home', operations.home],
        ['category listing', operations.category],
        ['product page', operations.product],
        ['cart', operations.cart],
      ] as const) {
        const same = await sameData(context, peerUrl, operation);
        const shopper = fixtures.browsers[2]!;
        const fetches = `${await subgraphRequests(context, () => postGraphQL(system.gatewayUrl, operation.query, operation.variants[0]!, guestHeaders(shopper.token)))} / ${await subgraphRequests(context, () => postGraphQL(peerUrl, operation.query, operation.variants[0]!, { [BENCH_GUEST_HEADER]: shopper.identity.guestId! }))}`;
        if (same !== 'yes') findings.push(`${label}: the peer's answer ${same === 'differs' ? 'differs from ours (may be live data changing between the two calls)' : same}`);
        const loadOf = (url: string, auth: LoadAuth) => ({ kind: 'graphql' as const, url, auth, operation });
        await warmUp(context, [loadOf(system.gatewayUrl, ours), loadOf(peerUrl, theirs)]);
        for (const connections of options.quick ? [1] : [1, 16]) {
          const run = (url: string, auth: LoadAuth) => () => load.run({ load: loadOf(url, auth), connections, durationSec: options.pairSeconds });
          const [a, b] = await interleave(options.runs, [run(system.gatewayUrl, ours), run(peerUrl, theirs)]);
          const o = figureOf(a!);
          const p = figureOf(b!);
          log(`  ${label} × ${connections}: ours p50 ${ms(o.p50)}, hive p50 ${ms(p.p50)}`);
          rows.push([
            label,
            String(connections),
            `${ms(o.p50)} / ${ms(o.p99)}`,
            `${ms(p.p50)} / ${ms(p.p99)}`,
            times(pairedRatio(b!.map((r) => r.latency.p50), a!.map((r) => r.latency.p50))),
            `${rate(o.rps)} / ${rate(p.rps)}`,
            times(pairedRatio(b!.map((r) => r.rps), a!.map((r) => r.rps))),
            same,
            fetches,
            String(o.failures + p.failures),
          ]);
          data.push({ page: label, connections, ours: a, peer: b });
        }
      }
      return {
        method: `@graphql-hive/gateway (createGatewayRuntime, one process on port ${PEER_PORT}) over the same supergraph.graphql and the same running subgraphs, signing the same guest identity per subgraph fetch; the web app's page queries, ours and the peer's runs side by side, ${options.runs} runs of ${options.pairSeconds} s each.`,
        tables: [
          {
            columns: ['page', 'shoppers', 'ours ms p50 / p99', 'hive ms p50 / p99', 'hive ÷ ours p50', 'req/s ours / hive', 'hive ÷ ours req/s', 'same data', 'subgraph requests ours / hive', 'failed'],
            rows,
          },
        ],
        findings,
        notes: [
          '"subgraph requests" = GraphQL requests the subgraphs received for one page query (from the gateway and from each other), counted by the round-trip probe.',
          'Ours also authenticates the guest token, applies rate and operation limits and partner scopes on every request; the peer only signs the identity. A ratio below 1 on p50 means the peer is faster.',
        ],
        data,
      };
    } finally {
      await stopProcesses([peer]);
    }
  },
};
