import type { RestRoute } from '../rest-route';
import { recordClick, recordView } from './activity-routes';
import { addToCart, clearCart, getCart } from './cart-routes';
import { getProduct, listProducts, similarProducts, trendingProducts } from './catalog-routes';
import { listOrders, placeOrder } from './order-routes';
import { contextualRecommendations, personalRecommendations } from './recommendation-routes';
import { decrementStock, getStock, listStock } from './stock-routes';

/** Every REST route, in the order the OpenAPI document lists them. */
export const REST_ROUTES: readonly RestRoute[] = [
  listProducts,
  getProduct,
  trendingProducts,
  personalRecommendations,
  contextualRecommendations,
  similarProducts,
  recordView,
  recordClick,
  listStock,
  getStock,
  decrementStock,
  getCart,
  addToCart,
  clearCart,
  placeOrder,
  listOrders,
];
