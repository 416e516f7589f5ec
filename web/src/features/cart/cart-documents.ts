import { graphql } from '../../gql';

/** Everything the app shows of the cart; every cart mutation answers with it, so the cache stays whole. */
export const CartStateFragment = graphql(`
  fragment CartState on Cart {
    id
    region
    totalQuantity
    subtotal {
      amount
      currencyCode
    }
    warnings {
      code
      message
      sku
    }
    lines {
      sku
      quantity
      available
      unitPrice {
        amount
        currencyCode
      }
      lineTotal {
        amount
        currencyCode
      }
      product {
        id
        slug
        name
        brand
        images {
          url
          alt
        }
      }
      variant {
        sku
        title
      }
    }
  }
`);

export const CartQuery = graphql(`
  query Cart($region: String) {
    cart(region: $region) {
      id
      ...CartState
    }
  }
`);

export const AddToCart = graphql(`
  mutation AddToCart($sku: ID!, $quantity: Int!, $region: String) {
    addToCart(sku: $sku, quantity: $quantity, region: $region) {
      cart {
        id
        ...CartState
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const UpdateCartLine = graphql(`
  mutation UpdateCartLine($sku: ID!, $quantity: Int!, $region: String) {
    updateCartLine(sku: $sku, quantity: $quantity, region: $region) {
      cart {
        id
        ...CartState
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const RemoveFromCart = graphql(`
  mutation RemoveFromCart($sku: ID!, $region: String) {
    removeFromCart(sku: $sku, region: $region) {
      cart {
        id
        ...CartState
      }
      userErrors {
        code
        message
      }
    }
  }
`);
