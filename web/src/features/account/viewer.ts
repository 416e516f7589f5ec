import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      name
      email
    }
  }
`);

const SignOut = graphql(`
  mutation SignOut {
    signOut {
      signedOut
    }
  }
`);

/** The signed-in user, or null for a guest. */
export function useViewer() {
  const { data, loading } = useQuery(ViewerQuery);
  return { viewer: data?.me ?? null, loading: loading && !data };
}

/**
 * After signing in, up or out, everything the cache holds belongs to someone else (cart, orders,
 * recommendations): clear it and refetch what is on screen.
 */
export function useIdentityChanged() {
  const client = useApolloClient();
  return useCallback(() => client.resetStore(), [client]);
}

export function useSignOut() {
  const [signOut, { loading }] = useMutation(SignOut);
  const identityChanged = useIdentityChanged();
  const run = useCallback(async () => {
    await signOut();
    await identityChanged();
  }, [identityChanged, signOut]);
  return { signOut: run, loading };
}
