import type { Resolvers } from '../generated/resolvers-types';
import { Product, ProductVariant } from './Product';
import { Query } from './Query';

export const resolvers: Resolvers = { Query, Product, ProductVariant };
