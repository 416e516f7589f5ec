import type { ReactNode } from 'react';
import type { FragmentType } from '../gql';
import { ProductGrid, type ProductCardFragment } from './product-card';
import { EmptyState, ErrorState, GridSkeleton } from './states';

interface ProductSectionProps {
  title: string;
  id: string;
  products: ReadonlyArray<{ id: string } & FragmentType<typeof ProductCardFragment>> | undefined;
  loading: boolean;
  error: unknown;
  onRetry?: () => void;
  source: string;
  empty: ReactNode;
  skeletonCount?: number;
}

/** A titled row of product cards with its loading, empty and error states. */
export function ProductSection({ title, id, products, loading, error, onRetry, source, empty, skeletonCount = 4 }: ProductSectionProps) {
  let body: ReactNode;
  if (products && products.length > 0) body = <ProductGrid products={products} source={source} label={title} />;
  else if (loading) body = <GridSkeleton count={skeletonCount} label={`Loading ${title.toLowerCase()}`} />;
  else if (error) body = <ErrorState error={error} onRetry={onRetry} />;
  else body = <EmptyState title={`Nothing in “${title}” yet`}>{empty}</EmptyState>;
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      {body}
    </section>
  );
}
