import { IDENTITY_HEADER, signIdentity, type Identity } from '@shop/platform';

export interface GraphQLAnswer<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
  headers: Headers;
}

/** One GraphQL request for setting things up or checking them (never for timing). */
export async function postGraphQL<T>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let body: { data?: T | null; errors?: GraphQLAnswer<T>['errors'] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
}

/** The data of an answer, or an error naming what was asked and why it failed. */
export function dataOf<T>(answer: GraphQLAnswer<T>, what: string): T {
  if (answer.errors?.length || !answer.data) {
    const reason = answer.errors?.map((error) => `${error.extensions?.code ?? ''} ${error.message}`.trim()).join('; ') ?? `HTTP ${answer.status}`;
    throw new Error(`${what} failed: ${reason}`);
  }
  return answer.data;
}

export const guestHeaders = (token: string) => ({ 'x-guest-token': token });

export const signedHeaders = (identity: Identity, secret: string) => ({ [IDENTITY_HEADER]: signIdentity(identity, secret) });
