import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ProductGrid } from '../../components/product-card';
import { EmptyState, ErrorState, GridSkeleton, Spinner } from '../../components/states';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { FacetFilters, type ListingFacetsFragment } from './facet-filters';
import { readListingParams, SORTS, toggled, withoutFilters, withValue } from './listing-params';

export const ListingPageFragment = graphql(`
  fragment ListingPage on ProductConnection {
    totalCount
    edges {
      cursor
      node {
        id
        ...ProductCard_product
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
`);

interface ProductListingProps {
  page: FragmentType<typeof ListingPageFragment> | undefined;
  /** Facets of the whole filtered set, asked for apart from the page (`first: 0`): they do not change with paging. */
  facets: FragmentType<typeof ListingFacetsFragment> | undefined;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  onRetry(): void;
  onMore(cursor: string): void;
  basePath: string;
  source: string;
  withRelevance?: boolean;
  emptyHint: ReactNode;
  aside?: ReactNode;
}

function ActiveFilters({ basePath }: { basePath: string }) {
  const [params, setParams] = useSearchParams();
  const listing = readListingParams(params);
  const chips = [
    ...listing.brands.map((brand) => ({ label: brand, remove: () => setParams(toggled(params, 'brand', brand)) })),
    ...listing.attributes.map(({ name, value }) => ({
      label: `${name}: ${value}`,
      remove: () => setParams(toggled(params, 'attr', `${name}:${value}`)),
    })),
    ...(listing.price
      ? [{ label: listing.price.max ? `Price ${listing.price.min}–${listing.price.max}` : `Price from ${listing.price.min}`, remove: () => setParams(withValue(params, 'price', null)) }]
      : []),
  ];
  if (chips.length === 0) return null;
  return (
    <ul className="chips" aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.label}>
          <button type="button" className="chip" onClick={chip.remove} aria-label={`Remove filter ${chip.label}`}>
            {chip.label} <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
      <li>
        <Link className="link-button" to={`${basePath}?${withoutFilters(params).toString()}`}>
          Clear all
        </Link>
      </li>
    </ul>
  );
}

/** Filters, sort, the product grid and "Show more", shared by category and search pages. */
export function ProductListing(props: ProductListingProps) {
  const { loading, loadingMore, error, onRetry, onMore, basePath, source, withRelevance = false, emptyHint, aside } = props;
  const page = useFragment(ListingPageFragment, props.page);
  const [params, setParams] = useSearchParams();
  const listing = readListingParams(params);
  const sorts = SORTS.filter((sort) => withRelevance || sort.value !== 'RELEVANCE');
  const sort = listing.sort ?? (withRelevance ? 'RELEVANCE' : 'NEWEST');
  const products = page?.edges.map((edge) => edge.node) ?? [];

  let body: ReactNode;
  if (!page && loading) body = <GridSkeleton count={8} />;
  else if (!page && error) body = <ErrorState error={error} onRetry={onRetry} />;
  else if (products.length === 0) body = <EmptyState title="No products match">{emptyHint}</EmptyState>;
  else body = <ProductGrid products={products} source={source} label="Products" />;

  return (
    <div className={`listing-layout ${aside ? 'with-aside' : ''}`}>
      <div className="listing-filters">
        <FacetFilters facets={props.facets} basePath={basePath} />
      </div>
      <div className="listing-main" aria-busy={loading}>
        <div className="listing-toolbar">
          <p className="listing-count" role="status">
            {page ? `${page.totalCount.toLocaleString()} ${page.totalCount === 1 ? 'product' : 'products'}` : ' '}
            {loading && page && <span className="updating"> · updating…</span>}
          </p>
          <label className="sort-select">
            <span>Sort by</span>
            <select value={sort} onChange={(event) => setParams(withValue(params, 'sort', event.target.value))}>
              {sorts.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ActiveFilters basePath={basePath} />
        <div className={loading && page ? 'is-stale' : undefined}>{body}</div>
        {page && products.length > 0 && (
          <div className="load-more">
            <p>
              Showing {products.length} of {page.totalCount.toLocaleString()}
            </p>
            {page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
              <button type="button" className="button button-secondary" disabled={loadingMore} onClick={() => onMore(page.pageInfo.endCursor!)}>
                {loadingMore ? <Spinner label="Loading more" /> : 'Show more'}
              </button>
            )}
          </div>
        )}
      </div>
      {aside && <div className="listing-aside">{aside}</div>}
    </div>
  );
}
