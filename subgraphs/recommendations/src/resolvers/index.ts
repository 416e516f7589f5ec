import type { Resolvers } from '../generated/resolvers-types';
import { Product } from './Product';
import { Query } from './Query';
import { Recommendation } from './Recommendation';
import { User } from './User';

export const resolvers: Resolvers = { Query, Product, User, Recommendation };
