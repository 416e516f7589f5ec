import { ApolloClient, HttpLink, InMemoryCache, type ApolloLink } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { typePolicies } from './type-policies';

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One client for the app. The gateway identifies the caller by its HttpOnly session or guest
 * cookie, so requests go with credentials and no token is ever kept in script-readable storage.
 * Operations go as automatic persisted queries (the hash first, the text only when the gateway
 * does not know it yet); where Web Crypto is missing (plain http off localhost) they go in full.
 */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  const http = new HttpLink({ uri, credentials: 'include' });
  const link: ApolloLink = globalThis.crypto?.subtle ? new PersistedQueryLink({ sha256 }).concat(http) : http;
  return new ApolloClient({
    link,
    cache: new InMemoryCache({ typePolicies }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' },
    },
  });
}
