import type { CartStateFragment } from '../../gql/graphql';
import { addAmounts, multiplyAmount, type MoneyValue } from '../../lib/money';

type Line = CartStateFragment['lines'][number];

/** What the product page knows of a variant that is not in the cart yet. */
export interface NewLine {
  sku: string;
  variantTitle: string;
  unitPrice: MoneyValue;
  available: number;
  product: { id: string; slug: string; name: string; brand: string; images: ReadonlyArray<{ url: string; alt: string }> };
}

export function emptyCart(region: string): CartStateFragment {
  return { __typename: 'Cart', id: '', region, totalQuantity: 0, subtotal: null, warnings: [], lines: [] };
}

const money = (value: MoneyValue) => ({ __typename: 'Money' as const, amount: value.amount, currencyCode: value.currencyCode });

function lineFrom(line: NewLine, quantity: number): Line {
  return {
    __typename: 'CartLine',
    sku: line.sku,
    quantity,
    available: line.available,
    unitPrice: money(line.unitPrice),
    lineTotal: money({ amount: multiplyAmount(line.unitPrice.amount, quantity), currencyCode: line.unitPrice.currencyCode }),
    product: {
      __typename: 'Product',
      id: line.product.id,
      slug: line.product.slug,
      name: line.product.name,
      brand: line.product.brand,
      images: line.product.images.map((image) => ({ __typename: 'ProductImage' as const, url: image.url, alt: image.alt })),
    },
    variant: { __typename: 'ProductVariant', sku: line.sku, title: line.variantTitle },
  };
}

/**
 * The cart as the server will most likely answer after a change, so the header count and the
 * cart page move at once. Quantity 0 removes the line. The server's answer replaces it.
 */
export function cartWith(cart: CartStateFragment, sku: string, quantity: (current: number) => number, newLine?: NewLine): CartStateFragment {
  const existing = cart.lines.find((line) => line.sku === sku);
  let lines: Line[];
  if (existing) {
    const next = quantity(existing.quantity);
    lines =
      next <= 0
        ? cart.lines.filter((line) => line.sku !== sku)
        : cart.lines.map((line) =>
            line.sku === sku
              ? { ...line, quantity: next, lineTotal: money({ amount: multiplyAmount(line.unitPrice.amount, next), currencyCode: line.unitPrice.currencyCode }) }
              : line,
          );
  } else if (newLine && quantity(0) > 0) {
    lines = [...cart.lines, lineFrom(newLine, quantity(0))];
  } else {
    return cart;
  }
  const currencies = new Set(lines.map((line) => line.lineTotal.currencyCode));
  const subtotal =
    lines.length > 0 && currencies.size === 1
      ? money({ amount: lines.map((line) => line.lineTotal.amount).reduce(addAmounts), currencyCode: lines[0]!.lineTotal.currencyCode })
      : null;
  return {
    ...cart,
    lines,
    totalQuantity: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal,
    warnings: cart.warnings.filter((warning) => lines.some((line) => line.sku === warning.sku)),
  };
}
