import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../components/states';
import { useActivity } from '../features/activity/activity-context';
import { ProductListing } from '../features/listing/product-listing';
import { readListingParams, toProductFilter } from '../features/listing/listing-params';
import { graphql } from '../gql';
import { useRegion } from '../lib/region';
import { useDocumentTitle } from '../lib/use-document-title';

const SearchListing = graphql(`
  query SearchListing($filter: ProductFilter!, $sort: ProductSort, $after: String, $region: String) {
    products(filter: $filter, sort: $sort, first: 24, after: $after) {
      ...ListingPage
    }
    summary: products(filter: $filter, first: 0) {
      facets {
        ...ListingFacets
      }
    }
  }
`);

export function SearchPage() {
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim().slice(0, 200);
  const { region } = useRegion();
  const activity = useActivity();
  const listing = readListingParams(params);
  const { data: current, previousData, loading, error, refetch, fetchMore } = useQuery(SearchListing, {
    variables: { filter: toProductFilter(listing, { query }), sort: listing.sort ?? 'RELEVANCE', region },
    skip: query.length === 0,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  useDocumentTitle(query ? `“${query}”` : 'Search');
  useEffect(() => {
    if (query) activity.record({ type: 'search', query });
  }, [activity, query]);

  if (!query) {
    return (
      <EmptyState title="What are you looking for?">
        <p>Type a product, a brand or a colour in the search box above.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <h1 className="page-title">
        Results for <q>{query}</q>
      </h1>
      <ProductListing
        page={(current ?? previousData)?.products}
        facets={(current ?? previousData)?.summary.facets}
        loading={loading && !loadingMore}
        loadingMore={loadingMore}
        error={error}
        onRetry={() => void refetch()}
        onMore={async (after) => {
          setLoadingMore(true);
          try {
            await fetchMore({ variables: { after } });
          } finally {
            setLoadingMore(false);
          }
        }}
        basePath="/search"
        source="search"
        withRelevance
        emptyHint={
          <p>
            Check the spelling, try a broader word, or <Link to="/">browse the categories</Link>.
          </p>
        }
      />
    </>
  );
}
