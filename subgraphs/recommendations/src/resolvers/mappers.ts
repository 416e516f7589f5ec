import type { RecommendationItem } from '../use-cases/recommendation-item';

/** Storage models the resolvers receive as parents (codegen maps `<Type>` to `<Type>Model`). */
export interface ProductModel {
  id: string;
}

export interface UserModel {
  id: string;
}

export type RecommendationModel = RecommendationItem;
