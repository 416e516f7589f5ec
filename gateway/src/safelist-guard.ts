import type { FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Safelist, SafelistedOperation } from './safelist';

interface GraphQLParams {
  query?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

const refusal = (code: 'PERSISTED_QUERY_NOT_FOUND' | 'OPERATION_NOT_SAFELISTED', message: string, status: number) =>
  new GraphQLError(message, { extensions: { code, http: { status } } });

function persistedHash(extensions: unknown): string | undefined {
  let value = extensions;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const hash = (value as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

/**
 * `/graphql` for a partner key in safelist mode (a preHandler, after authentication): only
 * registered operations run. The operation is named by its sha256 (the persisted-query
 * extension, as automatic persisted queries send it) or sent as text that is a registered
 * one; anything else is refused before Apollo sees it, so such a key can neither run nor
 * register (APQ) an operation of its own. The registered text is what runs.
 */
export function safelistGuard(safelist: Safelist) {
  return async (request: FastifyRequest) => {
    if (!request.safelistOnly) return;
    const params = (request.method === 'GET' ? request.query : request.body) as GraphQLParams | null;
    if (!params || typeof params !== 'object' || Array.isArray(params)) {
      throw refusal('OPERATION_NOT_SAFELISTED', 'This API key may run only safelisted operations, one per request', 403);
    }
    const hash = persistedHash(params.extensions);
    const text = typeof params.query === 'string' ? params.query : undefined;
    let operation: SafelistedOperation | undefined;
    if (hash !== undefined && text === undefined) {
      operation = safelist.byHash(hash);
      if (!operation) throw refusal('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound: no safelisted operation has this sha256', 200);
    } else if (text !== undefined) {
      operation = safelist.byText(text);
      if (!operation || (hash !== undefined && hash.toLowerCase() !== operation.id)) {
        throw refusal('OPERATION_NOT_SAFELISTED', 'This API key may run only safelisted operations; this one is not registered', 403);
      }
    } else {
      throw refusal('OPERATION_NOT_SAFELISTED', 'Send a safelisted operation: its sha256 in extensions.persistedQuery, or its text', 400);
    }
    if (typeof params.operationName === 'string' && params.operationName !== operation.name) {
      throw refusal('OPERATION_NOT_SAFELISTED', `The safelisted operation ${operation.id} is named ${operation.name}`, 400);
    }
    params.query = operation.body;
    if (hash !== undefined) {
      const extensions = { persistedQuery: { version: 1, sha256Hash: operation.id } };
      params.extensions = request.method === 'GET' ? JSON.stringify(extensions) : extensions;
    }
  };
}
