import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { RecommendationsSidebar } from '../components/recommendations-sidebar';
import { EmptyState, ErrorState } from '../components/states';
import { ProductListing } from '../features/listing/product-listing';
import { readListingParams, toProductFilter } from '../features/listing/listing-params';
import { graphql } from '../gql';
import { useRegion } from '../lib/region';
import { useDocumentTitle } from '../lib/use-document-title';

const CategoryListing = graphql(`
  query CategoryListing($slug: String!, $filter: ProductFilter!, $sort: ProductSort, $after: String, $region: String) {
    category(slug: $slug) {
      id
      slug
      name
      path {
        id
        slug
        name
      }
    }
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

export function CategoryPage() {
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const { region } = useRegion();
  const listing = readListingParams(params);
  const filter = toProductFilter(listing, { category: slug });
  const { data: current, previousData, loading, error, refetch, fetchMore } = useQuery(CategoryListing, {
    variables: { slug, filter, sort: listing.sort, region },
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const data = current ?? (previousData?.category?.slug === slug ? previousData : undefined);
  const category = data?.category;
  useDocumentTitle(category?.name);
  useEffect(() => setLoadingMore(false), [slug]);

  if (data && !category) {
    return (
      <EmptyState title="This category does not exist">
        <p>
          It may have moved. <Link to="/">Back to the home page</Link>
        </p>
      </EmptyState>
    );
  }
  if (!data && error) return <ErrorState error={error} onRetry={() => void refetch()} />;

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/">Home</Link>
          </li>
          {category?.path.map((step) => (
            <li key={step.id}>{step.id === category.id ? <span aria-current="page">{step.name}</span> : <Link to={`/c/${step.slug}`}>{step.name}</Link>}</li>
          ))}
        </ol>
      </nav>
      <h1 className="page-title">{category?.name ?? ' '}</h1>
      <ProductListing
        page={data?.products}
        facets={data?.summary.facets}
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
        basePath={`/c/${slug}`}
        source="category"
        emptyHint={<p>Try removing a filter.</p>}
        aside={category ? <RecommendationsSidebar context={{ category: category.id }} /> : undefined}
      />
    </>
  );
}
