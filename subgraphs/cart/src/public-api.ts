export { createCartServer, typeDefs, type CartDeps } from './server';
export { cartConfigSchema, loadCartConfig, type CartConfig } from './config';
export { connectRedis } from './data-access/redis';
export { cartIdOf } from './domain/owner';
export { DEFAULT_CART_SETTINGS, type CartSettings } from './domain/cart';
export { startCart } from './start';
