import type { Resolvers } from '../generated/resolvers-types';
import { Mutation } from './Mutation';
import { Product } from './Product';
import { Query } from './Query';
import { ShopperActivity } from './ShopperActivity';
import { User } from './User';

export const resolvers: Resolvers = { Query, Mutation, Product, User, ShopperActivity };
