import type { Resolvers } from '../generated/resolvers-types';
import { Mutation } from './Mutation';
import { PartnerApiKey } from './PartnerApiKey';
import { Query } from './Query';
import { User } from './User';

export const resolvers: Resolvers = { Query, Mutation, User, PartnerApiKey };
