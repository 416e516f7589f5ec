import type { IncomingHttpHeaders } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, request } from 'undici';
import { SubgraphFailure, type SubgraphBreakers } from './subgraph-breakers';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * Keep-alive connections to the subgraphs (undici), shared by every data source. Apollo's default
 * fetcher, make-fetch-happen, cost more CPU per subgraph call than the rest of the gateway's own
 * work (an agent that reads a stack trace per request, retry and cache plumbing never used here).
 * undici honours the subgraphs' keep-alive hints, so an idle connection is not reused just as
 * the subgraph closes it.
 */
const agent = new Agent({ connections: 256, keepAliveTimeout: 4_000 });

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** The response headers, read-only in practice (Apollo only reads content-type and cache-control). */
class ResponseHeaders implements Iterable<[string, string]> {
  private readonly map = new Map<string, string>();

  constructor(raw: IncomingHttpHeaders) {
    for (const [name, value] of Object.entries(raw)) if (value !== undefined) this.map.set(name, Array.isArray(value) ? value.join(', ') : value);
  }

  get = (name: string) => this.map.get(name.toLowerCase()) ?? null;
  has = (name: string) => this.map.has(name.toLowerCase());
  set = (name: string, value: string) => void this.map.set(name.toLowerCase(), value);
  append = (name: string, value: string) => this.set(name, this.has(name) ? `${this.get(name)}, ${value}` : value);
  delete = (name: string) => void this.map.delete(name.toLowerCase());
  entries = () => this.map.entries();
  keys = () => this.map.keys();
  values = () => this.map.values();
  [Symbol.iterator] = () => this.map.entries();
}

/** What RemoteGraphQLDataSource reads of a response, without building a WHATWG Response per call. */
class SubgraphResponse implements FetcherResponse {
  readonly redirected = false;
  bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: ResponseHeaders,
    private readonly body: string,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body;
  }

  async json(): Promise<unknown> {
    this.bodyUsed = true;
    return JSON.parse(this.body);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    return new TextEncoder().encode(this.body).buffer as ArrayBuffer;
  }

  clone(): FetcherResponse {
    return new SubgraphResponse(this.url, this.status, this.statusText, this.headers, this.body);
  }
}

/** One HTTP call, the whole of it (connection, request, response body) bounded by `timeoutMs`. */
async function call(url: string, init: FetcherInit, timeoutMs: number): Promise<SubgraphResponse> {
  try {
    const response = await request(url, {
      method: init.method === 'GET' ? 'GET' : 'POST',
      headers: init.headers,
      body: init.body,
      dispatcher: agent,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.body.text();
    return new SubgraphResponse(url, response.statusCode, '', new ResponseHeaders(response.headers), body);
  } catch (error) {
    // The signal's reason is a DOMException (not an Error of this realm under jest); undici may wrap it.
    const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
    if (name === 'TimeoutError' || name === 'AbortError') throw new TimeoutError(`no answer within ${timeoutMs} ms`);
    throw error;
  }
}

/**
 * The data sources' fetcher: one subgraph call with a timeout, through the subgraph's circuit
 * breaker. Network errors, timeouts and HTTP 5xx count against the breaker and reach the
 * client as SUBGRAPH_UNAVAILABLE; other answers pass through as they are.
 */
export function createSubgraphFetcher(options: { subgraph: string; timeoutMs: number; breakers: SubgraphBreakers }): Fetcher {
  return (url, init = {}) =>
    options.breakers.run(options.subgraph, async () => {
      let response: SubgraphResponse;
      try {
        response = await call(url, init, options.timeoutMs);
      } catch (error) {
        throw new SubgraphFailure(error instanceof TimeoutError ? 'timeout' : 'unreachable', error);
      }
      if (response.status >= 500) throw new SubgraphFailure('error-status');
      return response;
    });
}
