import { Link } from 'react-router';
import { graphql, useFragment, type FragmentType } from '../gql';
import { useActivity } from '../features/activity/activity-context';
import { Price } from './price';
import { ProductImage } from './product-image';
import { StockBadge } from './stock-badge';

export const ProductCardFragment = graphql(`
  fragment ProductCard_product on Product {
    id
    slug
    name
    brand
    price {
      amount
      currencyCode
    }
    compareAtPrice {
      amount
      currencyCode
    }
    images {
      url
      alt
    }
    stock(region: $region) {
      region
      inStock
      lowStock
    }
  }
`);

interface ProductCardProps {
  product: FragmentType<typeof ProductCardFragment>;
  /** Where the card is shown; recorded with the click (home, category, search, similar, sidebar…). */
  source: string;
  compact?: boolean;
}

export function ProductCard({ product: masked, source, compact = false }: ProductCardProps) {
  const product = useFragment(ProductCardFragment, masked);
  const activity = useActivity();
  const image = product.images[0];
  return (
    <article className={`card ${compact ? 'card-compact' : ''}`}>
      <Link
        to={`/p/${product.slug}`}
        className="card-link"
        onClick={() => activity.record({ type: 'click', productId: product.id, source })}
      >
        <ProductImage url={image?.url} alt={image?.alt ?? product.name} seed={product.id} label={product.brand} name={product.name} />
        <span className="card-brand">{product.brand}</span>
        <h3 className="card-name">{product.name}</h3>
      </Link>
      <div className="card-meta">
        <Price price={product.price} compareAt={product.compareAtPrice} />
        {!compact && <StockBadge stock={product.stock} />}
      </div>
    </article>
  );
}

interface ProductGridProps {
  /** Each product selected as `id ...ProductCard_product`. */
  products: ReadonlyArray<{ id: string } & FragmentType<typeof ProductCardFragment>>;
  source: string;
  compact?: boolean;
  label?: string;
}

export function ProductGrid({ products, source, compact = false, label }: ProductGridProps) {
  return (
    <ul className={`grid ${compact ? 'grid-compact' : ''}`} aria-label={label}>
      {products.map((product) => (
        <li key={product.id}>
          <ProductCard product={product} source={source} compact={compact} />
        </li>
      ))}
    </ul>
  );
}
