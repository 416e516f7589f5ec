/**
 * The operations the web app sends, taken from its generated documents (web/src/gql), printed as
 * Apollo Client sends them (InMemoryCache adds `__typename` to every selection). When the web
 * app changes a page's query, the bench measures the new one.
 */
import { addTypenameToDocument } from '@apollo/client/utilities';
import { print, type DocumentNode } from 'graphql';
import {
  AddToCartDocument,
  CartDocument,
  CategoryListingDocument,
  HomeDocument,
  NavCategoriesDocument,
  PlaceOrderDocument,
  ProductPageDocument,
  RecordEventsDocument,
  SidebarRecommendationsDocument,
} from '../../web/src/gql/graphql';

const asSent = (document: DocumentNode) => print(addTypenameToDocument(document));

export const WEB = {
  home: asSent(HomeDocument),
  categoryListing: asSent(CategoryListingDocument),
  productPage: asSent(ProductPageDocument),
  sidebarRecommendations: asSent(SidebarRecommendationsDocument),
  cart: asSent(CartDocument),
  addToCart: asSent(AddToCartDocument),
  placeOrder: asSent(PlaceOrderDocument),
  recordEvents: asSent(RecordEventsDocument),
  navCategories: asSent(NavCategoriesDocument),
};

/** placeOrder as the web app sends it plus the order's lines, so the contention check can count units sold. */
export const PLACE_ORDER_WITH_LINES = WEB.placeOrder.replace(/failureReason\n/, 'failureReason\n      lines {\n        sku\n        quantity\n      }\n');

export const REGION = 'eu';

/** What the checkout form sends besides the idempotency key (a guest: with an email). */
export const CHECKOUT_INPUT = {
  region: REGION,
  email: 'bench.shopper@example.com',
  shippingAddress: { fullName: 'Bench Shopper', line1: '1 Loopback Road', line2: null, city: 'Localhost', postalCode: '10115', countryCode: 'DE', phone: null },
  payment: { cardNumber: '4242 4242 4242 4242', expiryMonth: 12, expiryYear: 2099, cvc: '123' },
};

export interface PageVariablesInput {
  categorySlugs: string[];
  productSlugs: string[];
}

/** The page operations of issue 10, with the variables the web app sends for them. */
export function pageOperations(input: PageVariablesInput) {
  return {
    home: { query: WEB.home, operationName: 'Home', variants: [{ region: REGION }] },
    category: {
      query: WEB.categoryListing,
      operationName: 'CategoryListing',
      variants: input.categorySlugs.map((slug) => ({ slug, filter: { category: slug }, sort: null, region: REGION })),
    },
    product: { query: WEB.productPage, operationName: 'ProductPage', variants: input.productSlugs.map((slug) => ({ slug, region: REGION })) },
    cart: { query: WEB.cart, operationName: 'Cart', variants: [{ region: REGION }] },
  };
}

/** AddToCart as the product page sends it: one unit of a SKU, rotated over `skus`. */
export function addToCartOperation(skus: readonly string[]) {
  return { query: WEB.addToCart, operationName: 'AddToCart', variants: skus.map((sku) => ({ sku, quantity: 1, region: REGION })) };
}

/** Not a web document: the cart's public clearCart, to put the add-to-cart shoppers' carts back between runs. */
export const CLEAR_CART = `mutation BenchClearCart { clearCart { userErrors { code message } } }`;

export type PageName = keyof ReturnType<typeof pageOperations> | 'addToCart' | 'checkout';
