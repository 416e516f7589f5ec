import type { Resolvers } from '../generated/resolvers-types';
import { Mutation } from './Mutation';
import { Order, OrderLine, OrderTotals } from './Order';
import { Query } from './Query';
import { User } from './User';

export const resolvers: Resolvers = { Query, Mutation, Order, OrderLine, OrderTotals, User };
