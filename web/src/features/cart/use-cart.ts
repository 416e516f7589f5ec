import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { makeFragmentData, useFragment } from '../../gql';
import type { CartStateFragment } from '../../gql/graphql';
import { describeError } from '../../lib/errors';
import { useRegion } from '../../lib/region';
import { useActivity } from '../activity/activity-context';
import { AddToCart, CartQuery, CartStateFragment as CartStateDoc, RemoveFromCart, UpdateCartLine } from './cart-documents';
import { cartWith, emptyCart, type NewLine } from './optimistic-cart';

/** The shopper's cart for the current region, from the normalized cache (fetched once, kept fresh by mutations). */
export function useCart() {
  const { region } = useRegion();
  const result = useQuery(CartQuery, { variables: { region } });
  const cart = useFragment(CartStateDoc, result.data?.cart);
  return { ...result, cart };
}

export interface CartActionResult {
  ok: boolean;
  message?: string;
}

/**
 * Cart changes with optimistic answers: the header count and the cart page move at once, and the
 * server's answer (which may refuse, e.g. OUT_OF_STOCK) settles them.
 */
export function useCartActions() {
  const { region } = useRegion();
  const client = useApolloClient();
  const activity = useActivity();
  const [addMutation] = useMutation(AddToCart);
  const [updateMutation] = useMutation(UpdateCartLine);
  const [removeMutation] = useMutation(RemoveFromCart);

  const current = useCallback((): CartStateFragment => {
    const id = client.cache.identify({ __typename: 'Cart' });
    return (id && client.cache.readFragment({ fragment: CartStateDoc, fragmentName: 'CartState', id })) || emptyCart(region);
  }, [client, region]);

  const settle = async (run: () => Promise<{ userErrors: ReadonlyArray<{ message: string }> } | undefined>): Promise<CartActionResult> => {
    try {
      const payload = await run();
      const firstError = payload?.userErrors[0];
      return firstError ? { ok: false, message: firstError.message } : { ok: true };
    } catch (error) {
      return { ok: false, message: describeError(error) };
    }
  };

  const add = useCallback(
    (line: NewLine, quantity: number, categoryIds?: string[]) => {
      activity.record({ type: 'add_to_cart', productId: line.product.id, sku: line.sku, quantity, categoryIds });
      const next = cartWith(current(), line.sku, (had) => had + quantity, line);
      return settle(async () => {
        const { data } = await addMutation({
          variables: { sku: line.sku, quantity, region },
          optimisticResponse: {
            __typename: 'Mutation',
            addToCart: { __typename: 'CartPayload', cart: { __typename: 'Cart', id: next.id, ...makeFragmentData(next, CartStateDoc) }, userErrors: [] },
          },
        });
        return data?.addToCart;
      });
    },
    [activity, addMutation, current, region],
  );

  const setQuantity = useCallback(
    (sku: string, quantity: number) => {
      const next = cartWith(current(), sku, () => quantity);
      return settle(async () => {
        const { data } = await updateMutation({
          variables: { sku, quantity, region },
          optimisticResponse: {
            __typename: 'Mutation',
            updateCartLine: { __typename: 'CartPayload', cart: { __typename: 'Cart', id: next.id, ...makeFragmentData(next, CartStateDoc) }, userErrors: [] },
          },
        });
        return data?.updateCartLine;
      });
    },
    [current, region, updateMutation],
  );

  const remove = useCallback(
    (sku: string) => {
      const next = cartWith(current(), sku, () => 0);
      return settle(async () => {
        const { data } = await removeMutation({
          variables: { sku, region },
          optimisticResponse: {
            __typename: 'Mutation',
            removeFromCart: { __typename: 'CartPayload', cart: { __typename: 'Cart', id: next.id, ...makeFragmentData(next, CartStateDoc) }, userErrors: [] },
          },
        });
        return data?.removeFromCart;
      });
    },
    [current, region, removeMutation],
  );

  return { add, setQuantity, remove };
}
