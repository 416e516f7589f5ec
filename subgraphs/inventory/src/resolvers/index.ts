import type { Resolvers } from '../generated/resolvers-types';
import { Mutation } from './Mutation';
import { Product } from './Product';
import { ProductStock } from './ProductStock';
import { ProductVariant } from './ProductVariant';
import { Query } from './Query';
import { StockReservation } from './StockReservation';
import { VariantStock } from './VariantStock';

export const resolvers: Resolvers = { Query, Mutation, Product, ProductVariant, ProductStock, VariantStock, StockReservation };
