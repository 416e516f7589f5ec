/**
 * The load generator: a separate process (forked by load-runner.ts) that runs autocannon jobs on
 * loopback and answers with exact latency percentiles (autocannon's own histogram keeps whole
 * milliseconds; this records each answer's time as measured by autocannon, in fractions).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { IDENTITY_HEADER, signIdentity } from '@shop/platform';
import type { CheckoutLoad, GraphQLLoad, LoadAuth, LoadJob, LoadResult, WorkerMessage } from './load-protocol';
import { summarize } from './stats';

type Headers = Record<string, string>;

function authHeaders(auth: LoadAuth, connection: number): () => Headers {
  switch (auth.kind) {
    case 'guest-token': {
      const token = auth.tokens[connection % auth.tokens.length]!;
      return () => ({ 'x-guest-token': token });
    }
    case 'header': {
      const value = auth.values[connection % auth.values.length]!;
      return () => ({ [auth.name]: value });
    }
    case 'signed': {
      const identity = auth.identities[connection % auth.identities.length]!;
      // Signed per request, as the gateway does per fetch (and signatures expire after 60 s).
      return () => ({ [IDENTITY_HEADER]: signIdentity(identity, auth.secret) });
    }
  }
}

class Tally {
  readonly latencies: number[] = [];
  non2xx = 0;
  graphqlErrors = 0;
  firstError: string | undefined;

  fail(message: string): void {
    this.firstError ??= message.slice(0, 300);
  }

  /** Checks one answer: HTTP status and GraphQL errors. With `parse`, returns the body as JSON. */
  check(status: number, body: string, parse = false): unknown {
    if (status < 200 || status >= 300) {
      this.non2xx += 1;
      this.fail(`HTTP ${status}: ${body}`);
      return undefined;
    }
    if (body.includes('"errors"')) {
      this.graphqlErrors += 1;
      this.fail(body);
    }
    return parse ? (JSON.parse(body) as unknown) : undefined;
  }
}

function freshEvents(count: number, productIds: string[], offset: number) {
  const at = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => {
    const productId = productIds[(offset + i * 7) % productIds.length]!;
    return i % 10 === 9 ? { id: randomUUID(), at, type: 'click', productId, source: 'home' } : { id: randomUUID(), at, type: 'view', productId };
  });
}

function graphqlClients(load: GraphQLLoad, tally: Tally) {
  const path = new URL(load.url).pathname;
  let sent = 0;
  let connections = 0;
  return (client: autocannon.Client) => {
    const headers = authHeaders(load.auth, connections++);
    client.setRequests([
      {
        method: 'POST',
        path,
        setupRequest: (request) => {
          const n = sent++;
          const { variants } = load.operation;
          let variables = variants[n % variants.length]!;
          if (load.freshEvents) variables = { ...variables, events: freshEvents(load.freshEvents.count, load.freshEvents.productIds, n) };
          const query = load.uniqueText ? `# bench request ${n} ${Date.now()}\n${load.operation.query}` : load.operation.query;
          const body = JSON.stringify({ query, variables, ...(load.operation.operationName ? { operationName: load.operation.operationName } : {}) });
          return { ...request, headers: { ...request.headers, 'content-type': 'application/json', ...headers() }, body };
        },
        onResponse: (status, body) => void tally.check(status, body),
      },
    ]);
    client.on('response', (status, _bytes, time) => {
      if (status >= 200 && status < 300) tally.latencies.push(time);
    });
  };
}

interface PlaceOrderBody {
  errors?: Array<{ extensions?: { code?: string } }>;
  data?: {
    placeOrder?: {
      order: { status: string; failureCode?: string | null; lines?: Array<{ sku: string; quantity: number }> } | null;
      userErrors: Array<{ code: string }>;
    };
  };
}

function checkoutClients(load: CheckoutLoad, place: Tally, add: Tally, outcomes: Record<string, number>, units: Record<string, number>) {
  const path = new URL(load.url).pathname;
  const run = randomUUID().slice(0, 8);
  let checkouts = 0;
  let connections = 0;
  return (client: autocannon.Client) => {
    const connection = connections++;
    const headers = authHeaders(load.auth, connection);
    let attempt = 0;
    let step: 'add' | 'place' = 'add';
    const json = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
    client.setRequests([
      {
        method: 'POST',
        path,
        setupRequest: (request) => {
          const sku = load.skus[checkouts++ % load.skus.length]!;
          const body = json(load.addToCart, { sku, quantity: 1, region: 'eu' });
          return { ...request, headers: { ...request.headers, 'content-type': 'application/json', ...headers() }, body };
        },
        onResponse: (status, body) => {
          step = 'add';
          add.check(status, body);
        },
      },
      {
        method: 'POST',
        path,
        setupRequest: (request) => {
          const input = { ...load.input, idempotencyKey: `bench-${run}-${connection}-${attempt++}` };
          return { ...request, headers: { ...request.headers, 'content-type': 'application/json', ...headers() }, body: json(load.placeOrder, { input }) };
        },
        onResponse: (status, body) => {
          step = 'place';
          const parsed = place.check(status, body, true) as PlaceOrderBody | undefined;
          const payload = parsed?.data?.placeOrder;
          const outcome = payload?.order?.status ?? payload?.userErrors[0]?.code ?? parsed?.errors?.[0]?.extensions?.code ?? `HTTP_${status}`;
          const detail = payload?.order?.status === 'FAILED' ? `FAILED:${payload.order.failureCode ?? '?'}` : outcome;
          outcomes[detail] = (outcomes[detail] ?? 0) + 1;
          if (payload?.order?.status === 'CONFIRMED') {
            for (const line of payload.order.lines ?? []) units[line.sku] = (units[line.sku] ?? 0) + line.quantity;
          }
        },
      },
    ]);
    client.on('response', (status, _bytes, time) => {
      if (status >= 200 && status < 300) (step === 'place' ? place : add).latencies.push(time);
    });
  };
}

/**
 * Stops a time-bounded run without dropping what is in flight: at the deadline every connection
 * sends nothing more and ends when its last answer arrives (autocannon would discard those, and
 * with them the slowest answers). Uses autocannon 9's per-client `responseMax` and `reqsMade`.
 */
function drainAt(clients: readonly autocannon.Client[], seconds: number): NodeJS.Timeout {
  return setTimeout(() => {
    for (const client of clients) Reflect.set(client, 'responseMax', Math.max(1, Number(Reflect.get(client, 'reqsMade') ?? 0)));
  }, seconds * 1000);
}

async function runJob(job: LoadJob): Promise<LoadResult> {
  const tally = new Tally();
  const addTally = new Tally();
  const outcomes: Record<string, number> = {};
  const units: Record<string, number> = {};
  const clients: autocannon.Client[] = [];
  const setup = job.load.kind === 'graphql' ? graphqlClients(job.load, tally) : checkoutClients(job.load, tally, addTally, outcomes, units);
  let last = 0;
  const began = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.load.url,
        connections: job.connections,
        // The deadline is drainAt's; autocannon's own duration is only a backstop.
        duration: job.durationSec + 120,
        ...(job.amount ? { amount: job.amount } : {}),
        timeout: job.timeoutSec ?? 30,
        sampleInt: 100,
        setupClient: (client) => {
          clients.push(client);
          setup(client);
          client.on('response', () => (last = performance.now()));
        },
      },
      (error, done) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on('error', (error: unknown) => tally.fail(String(error)));
    if (!job.amount) {
      const timer = drainAt(clients, job.durationSec);
      instance.on('done', () => clearTimeout(timer));
    }
  });
  const seconds = Math.max(0.001, ((last || performance.now()) - began) / 1000);
  const answered = tally.latencies.length;
  return {
    connections: job.connections,
    seconds,
    rps: answered / seconds,
    latency: summarize(tally.latencies),
    requests: result.requests.total,
    non2xx: tally.non2xx + addTally.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors: tally.graphqlErrors + addTally.graphqlErrors,
    firstError: tally.firstError ?? addTally.firstError,
    ...(job.load.kind === 'checkout' ? { checkout: { outcomes, confirmedUnits: units, addToCart: summarize(addTally.latencies) } } : {}),
  };
}

process.on('message', (message: { id: number; job: LoadJob }) => {
  runJob(message.job).then(
    (result) => process.send?.({ id: message.id, result } satisfies WorkerMessage),
    (error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage),
  );
});
process.on('disconnect', () => process.exit(0));
