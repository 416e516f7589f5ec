import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Price } from '../components/price';
import { ProductImage } from '../components/product-image';
import { ProductSection } from '../components/product-section';
import { QuantityStepper } from '../components/quantity-stepper';
import { RecommendationsSidebar } from '../components/recommendations-sidebar';
import { EmptyState, ErrorState, Spinner } from '../components/states';
import { useActivity } from '../features/activity/activity-context';
import { useCart, useCartActions } from '../features/cart/use-cart';
import { ProductDescription } from '../features/product/product-description';
import { StockByRegion } from '../features/product/stock-by-region';
import { VariantPicker } from '../features/product/variant-picker';
import { graphql } from '../gql';
import { useRegion } from '../lib/region';
import { useDocumentTitle } from '../lib/use-document-title';

const ProductPageQuery = graphql(`
  query ProductPage($slug: String!, $region: String) {
    product(slug: $slug) {
      id
      slug
      name
      brand
      description
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
      attributes {
        name
        value
      }
      category {
        id
        name
        path {
          id
          slug
          name
        }
      }
      stock(region: $region) {
        region
        available
        inStock
        lowStock
        regions {
          region
          available
        }
      }
      variants {
        sku
        title
        price {
          amount
          currencyCode
        }
        compareAtPrice {
          amount
          currencyCode
        }
        stock(region: $region) {
          region
          available
          inStock
          lowStock
          regions {
            region
            available
          }
        }
        ...VariantPicker_variant
      }
      similar(first: 4) {
        id
        ...ProductCard_product
      }
    }
  }
`);

const MAX_LINE_QUANTITY = 99;

export function ProductPage() {
  const { slug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { region } = useRegion();
  const activity = useActivity();
  const { cart } = useCart();
  const { add } = useCartActions();
  // errorPolicy 'all': a failed optional field (similar: null when recommendations is down) leaves the product shown.
  const { data, loading, error, refetch } = useQuery(ProductPageQuery, { variables: { slug, region }, errorPolicy: 'all' });
  const product = data?.product;
  const [quantity, setQuantity] = useState(1);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [adding, setAdding] = useState(false);
  useDocumentTitle(product?.name);

  const categoryIds = product?.category.path.map((step) => step.id).slice(-5);
  useEffect(() => {
    if (product) activity.record({ type: 'view', productId: product.id, categoryIds });
    // One view per product shown, not per re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [product?.id]);
  useEffect(() => {
    setQuantity(1);
    setStatus(null);
  }, [slug]);

  if (!product) {
    if (loading) return <Spinner label="Loading the product" />;
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return (
      <EmptyState title="This product is no longer available">
        <p>
          <Link to="/">Find something similar</Link>
        </p>
      </EmptyState>
    );
  }

  const onlyVariant = product.variants.length === 1 ? product.variants[0] : undefined;
  const selectedSku = params.get('sku') ?? onlyVariant?.sku ?? null;
  const variant = product.variants.find((entry) => entry.sku === selectedSku) ?? onlyVariant;
  const inCart = cart?.lines.filter((line) => line.product.id === product.id).reduce((sum, line) => sum + line.quantity, 0) ?? 0;
  const maxQuantity = Math.max(1, Math.min(MAX_LINE_QUANTITY, variant?.stock.available ?? 1));
  const image = product.images[0];
  const canAdd = Boolean(variant?.stock.inStock) && !adding;

  const addToCart = async () => {
    if (!variant) {
      setStatus({ ok: false, message: 'Please choose a size first.' });
      return;
    }
    setAdding(true);
    setStatus(null);
    const result = await add(
      {
        sku: variant.sku,
        variantTitle: variant.title,
        unitPrice: variant.price,
        available: variant.stock.available,
        product: { id: product.id, slug: product.slug, name: product.name, brand: product.brand, images: product.images.slice(0, 1) },
      },
      quantity,
      categoryIds,
    );
    setAdding(false);
    setStatus(result.ok ? { ok: true, message: `Added ${quantity} × ${product.name} (${variant.title}) to your cart.` } : { ok: false, message: result.message ?? 'Could not add it.' });
  };

  return (
    <div className="product-layout">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/">Home</Link>
          </li>
          {product.category.path.map((step) => (
            <li key={step.id}>
              <Link to={`/c/${step.slug}`}>{step.name}</Link>
            </li>
          ))}
        </ol>
      </nav>
      <div className="product-main">
        <div className="product-gallery">
          <ProductImage url={image?.url} alt={image?.alt ?? product.name} seed={product.id} label={product.brand} name={product.name} eager className="media-large" />
        </div>
        <div className="product-info">
          <p className="product-brand">{product.brand}</p>
          <h1 className="product-name">{product.name}</h1>
          <Price price={variant?.price ?? product.price} compareAt={variant ? variant.compareAtPrice : product.compareAtPrice} from={!variant && product.variants.length > 1} className="price-large" />
          <VariantPicker variants={product.variants} selectedSku={variant?.sku ?? null} onSelect={(sku) => setParams({ sku }, { replace: true })} />
          <StockByRegion stock={variant?.stock ?? product.stock} />
          <div className="buy-row">
            <QuantityStepper value={quantity} max={maxQuantity} onChange={setQuantity} label="Quantity to add" disabled={!variant?.stock.inStock} />
            <button type="button" className="button button-primary button-wide" onClick={addToCart} disabled={!canAdd && Boolean(variant)} aria-disabled={!variant}>
              {adding ? 'Adding…' : variant && !variant.stock.inStock ? 'Sold out' : 'Add to cart'}
            </button>
          </div>
          <div className="buy-status" role="status" aria-live="polite">
            {status && (
              <p className={status.ok ? 'notice notice-success' : 'notice notice-error'}>
                {status.message} {status.ok && <Link to="/cart">View cart</Link>}
              </p>
            )}
            {!status && inCart > 0 && (
              <p className="muted">
                {inCart} in your <Link to="/cart">cart</Link>
              </p>
            )}
          </div>
          <section className="product-details" aria-labelledby="details-title">
            <h2 id="details-title">Details</h2>
            <ProductDescription text={product.description} />
            {product.attributes.length > 0 && (
              <dl className="attributes">
                {product.attributes.map((attribute) => (
                  <div key={attribute.name}>
                    <dt>{attribute.name}</dt>
                    <dd>{attribute.value}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        </div>
        <div className="product-aside">
          <RecommendationsSidebar context={{ productId: product.id, cartSkus: cart?.lines.map((line) => line.sku) ?? [] }} title="Goes well with" />
        </div>
      </div>
      <ProductSection
        id="similar"
        title="Similar products"
        products={product.similar ?? undefined}
        loading={false}
        error={product.similar === null ? error : undefined}
        onRetry={() => void refetch()}
        source="similar"
        empty={<p>We are still finding products like this one.</p>}
      />
    </div>
  );
}
