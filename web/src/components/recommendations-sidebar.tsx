import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { RecommendationContextInput } from '../gql/graphql';
import { useRegion } from '../lib/region';
import { ProductGrid } from './product-card';
import { GridSkeleton } from './states';

const SidebarRecommendations = graphql(`
  query SidebarRecommendations($context: RecommendationContextInput!, $region: String) {
    contextualRecommendations(context: $context, first: 4) {
      id
      ...ProductCard_product
    }
  }
`);

/**
 * Suggestions beside a listing, a product or the cart. Clicks are recorded with source "sidebar".
 * Optional to the page: when it fails or has nothing, it quietly stays out of the way.
 */
export function RecommendationsSidebar({ context, title = 'You may also like' }: { context: RecommendationContextInput; title?: string }) {
  const { region } = useRegion();
  const { data, loading } = useQuery(SidebarRecommendations, { variables: { context, region } });
  const products = data?.contextualRecommendations ?? [];
  if (!loading && products.length === 0) return null;
  return (
    <aside className="sidebar" aria-labelledby="sidebar-title">
      <h2 id="sidebar-title" className="sidebar-title">
        {title}
      </h2>
      {products.length > 0 ? <ProductGrid products={products} source="sidebar" compact label={title} /> : <GridSkeleton count={2} label="Loading suggestions" compact />}
    </aside>
  );
}
