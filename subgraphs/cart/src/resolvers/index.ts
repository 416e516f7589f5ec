import type { Resolvers } from '../generated/resolvers-types';
import { Cart } from './Cart';
import { CartPayload } from './CartPayload';
import { CartLine } from './CartLine';
import { Mutation } from './Mutation';
import { Product } from './Product';
import { Query } from './Query';

export const resolvers: Resolvers = { Query, Mutation, Cart, CartPayload, CartLine, Product };
