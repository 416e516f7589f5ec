import type { Resolvers } from '../generated/resolvers-types';
import { Category } from './Category';
import { Mutation } from './Mutation';
import { Product } from './Product';
import { ProductConnection } from './ProductConnection';
import { ProductVariant } from './ProductVariant';
import { Query } from './Query';

export const resolvers: Resolvers = { Query, Mutation, Product, ProductVariant, Category, ProductConnection };
