import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { SubgraphFailure, type SubgraphBreakers } from './subgraph-breakers';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * Keep-alive connections to the subgraphs, shared by every data source. (Apollo's default
 * fetcher, make-fetch-happen, cost more CPU per subgraph call than the rest of the gateway's own
 * work: an agent that reads a stack trace per request, retry and cache plumbing never used here.)
 */
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });

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

const targets = new Map<string, RequestOptions & { https: boolean }>();

/** The URL parsed once per subgraph, not per call. */
function targetOf(url: string): RequestOptions & { https: boolean } {
  let target = targets.get(url);
  if (!target) {
    const parsed = new URL(url);
    const https = parsed.protocol === 'https:';
    target = { https, protocol: parsed.protocol, hostname: parsed.hostname.replace(/^\[|\]$/g, ''), port: parsed.port, path: `${parsed.pathname}${parsed.search}`, agent: https ? httpsAgent : httpAgent };
    targets.set(url, target);
  }
  return target;
}

/** One HTTP call, the whole of it (connection, request, response body) bounded by `timeoutMs`. */
function call(url: string, init: FetcherInit, timeoutMs: number): Promise<SubgraphResponse> {
  const { https, ...target } = targetOf(url);
  return new Promise((resolve, reject) => {
    const request = (https ? httpsRequest : httpRequest)({ ...target, method: init.method ?? 'POST', headers: init.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      response.on('end', () => {
        clearTimeout(timer);
        const body = Buffer.concat(chunks).toString('utf8');
        resolve(new SubgraphResponse(url, response.statusCode ?? 502, response.statusMessage ?? '', new ResponseHeaders(response.headers), body));
      });
    });
    const timer = setTimeout(() => request.destroy(new TimeoutError(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(init.body);
  });
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
