import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { ProductSection } from '../components/product-section';
import { graphql } from '../gql';
import { useRegion } from '../lib/region';
import { useDocumentTitle } from '../lib/use-document-title';

const HomeQuery = graphql(`
  query Home($region: String) {
    trending(first: 8) {
      id
      ...ProductCard_product
    }
    recommendations(first: 8) {
      id
      ...ProductCard_product
    }
    recentlyViewed(first: 4) {
      id
      ...ProductCard_product
    }
    categories {
      id
      slug
      name
      productCount
    }
  }
`);

export function HomePage() {
  useDocumentTitle('Meridian — clothing, shoes and accessories');
  const { region } = useRegion();
  const { data, loading, error, refetch } = useQuery(HomeQuery, { variables: { region }, errorPolicy: 'all' });
  const retry = () => void refetch();
  const categories = data?.categories ?? [];
  // A section shows the error only when its own field failed (null): recommendations can be down while the rest answers.
  const errorOf = (field: unknown) => (field === null || field === undefined ? error : undefined);
  return (
    <>
      <section className="hero">
        <div className="hero-text">
          <p className="hero-kicker">New season</p>
          <h1>Everyday pieces, picked for you</h1>
          <p>Browse thousands of styles with stock shown for your region, and check out in a minute.</p>
          {categories[0] && (
            <Link className="button" to={`/c/${categories[0].slug}`}>
              Shop {categories[0].name.toLowerCase()}
            </Link>
          )}
        </div>
        {categories.length > 0 && (
          <ul className="hero-categories" aria-label="Shop by category">
            {categories.slice(0, 6).map((category) => (
              <li key={category.id}>
                <Link to={`/c/${category.slug}`}>
                  <span>{category.name}</span>
                  <small>{category.productCount.toLocaleString()} styles</small>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ProductSection
        id="trending"
        title="Trending now"
        products={data?.trending}
        loading={loading}
        error={errorOf(data?.trending)}
        onRetry={retry}
        source="home-trending"
        empty={<p>Popular products appear here as shoppers browse.</p>}
        skeletonCount={8}
      />
      <ProductSection
        id="for-you"
        title="Recommended for you"
        products={data?.recommendations ?? undefined}
        loading={loading}
        error={errorOf(data?.recommendations)}
        onRetry={retry}
        source="home-recommended"
        empty={<p>Browse a few products and we will suggest more like them.</p>}
      />
      <ProductSection
        id="recently-viewed"
        title="Recently viewed"
        products={data?.recentlyViewed}
        loading={loading}
        error={errorOf(data?.recentlyViewed)}
        onRetry={retry}
        source="home-recently-viewed"
        empty={<p>Products you look at will show up here, so you can find them again.</p>}
      />
    </>
  );
}
