import { useState } from 'react';
import { Link } from 'react-router';
import { Price } from '../components/price';
import { ProductImage } from '../components/product-image';
import { QuantityStepper } from '../components/quantity-stepper';
import { RecommendationsSidebar } from '../components/recommendations-sidebar';
import { EmptyState, ErrorState, Spinner } from '../components/states';
import { useCart, useCartActions } from '../features/cart/use-cart';
import { formatMoney } from '../lib/money';
import { regionLabel } from '../lib/region';
import { useDocumentTitle } from '../lib/use-document-title';

const MAX_LINE_QUANTITY = 99;

export function CartPage() {
  useDocumentTitle('Your cart');
  const { cart, loading, error, refetch } = useCart();
  const { setQuantity, remove } = useCartActions();
  const [message, setMessage] = useState<string | null>(null);

  if (!cart) {
    if (loading) return <Spinner label="Loading your cart" />;
    return <ErrorState error={error} onRetry={() => void refetch()} title="Your cart did not load" />;
  }
  const act = async (run: Promise<{ ok: boolean; message?: string }>) => {
    const result = await run;
    setMessage(result.ok ? null : (result.message ?? 'That did not work.'));
  };
  const warningsBySku = new Map<string, string[]>();
  for (const warning of cart.warnings) warningsBySku.set(warning.sku, [...(warningsBySku.get(warning.sku) ?? []), warning.message]);
  const unattached = cart.warnings.filter((warning) => !cart.lines.some((line) => line.sku === warning.sku));
  const blocked = cart.lines.some((line) => line.available < line.quantity);

  return (
    <div className="cart-layout">
      <div className="cart-main">
        <h1 className="page-title">Your cart</h1>
        {message && (
          <p className="notice notice-error" role="alert">
            {message}
          </p>
        )}
        {unattached.map((warning) => (
          <p key={`${warning.code}-${warning.sku}`} className="notice notice-warning">
            {warning.message}
          </p>
        ))}
        {cart.lines.length === 0 ? (
          <EmptyState title="Your cart is empty">
            <p>
              Find something you like on the <Link to="/">home page</Link>.
            </p>
          </EmptyState>
        ) : (
          <ul className="cart-lines" aria-label="Items in your cart">
            {cart.lines.map((line) => {
              const image = line.product.images[0];
              return (
                <li key={line.sku} className="cart-line">
                  <Link to={`/p/${line.product.slug}?sku=${encodeURIComponent(line.sku)}`} className="cart-line-image" tabIndex={-1} aria-hidden="true">
                    <ProductImage url={image?.url} alt={image?.alt ?? line.product.name} seed={line.product.id} label={line.product.brand} name={line.product.name} />
                  </Link>
                  <div className="cart-line-info">
                    <p className="card-brand">{line.product.brand}</p>
                    <h2 className="cart-line-name">
                      <Link to={`/p/${line.product.slug}?sku=${encodeURIComponent(line.sku)}`}>{line.product.name}</Link>
                    </h2>
                    <p className="muted">
                      {line.variant.title !== 'Default' && <>{line.variant.title} · </>}
                      <Price price={line.unitPrice} /> each
                    </p>
                    {(warningsBySku.get(line.sku) ?? []).map((text) => (
                      <p key={text} className="notice notice-warning notice-inline">
                        {text}
                      </p>
                    ))}
                  </div>
                  <div className="cart-line-actions">
                    <QuantityStepper
                      value={line.quantity}
                      max={Math.max(line.quantity, Math.min(MAX_LINE_QUANTITY, line.available))}
                      onChange={(quantity) => void act(setQuantity(line.sku, quantity))}
                      label={`Quantity of ${line.product.name}`}
                    />
                    <button type="button" className="link-button" onClick={() => void act(remove(line.sku))}>
                      Remove<span className="visually-hidden"> {line.product.name}</span>
                    </button>
                  </div>
                  <p className="cart-line-total">
                    <Price price={line.lineTotal} />
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {cart.lines.length > 0 && (
        <aside className="cart-summary" aria-labelledby="summary-title">
          <h2 id="summary-title">Summary</h2>
          <dl>
            <div>
              <dt>Items</dt>
              <dd>{cart.totalQuantity}</dd>
            </div>
            <div>
              <dt>Subtotal</dt>
              <dd data-testid="cart-subtotal">{cart.subtotal ? formatMoney(cart.subtotal) : '—'}</dd>
            </div>
          </dl>
          <p className="muted small">Shipping and tax are added at checkout. Stock is checked in {regionLabel(cart.region)}.</p>
          {blocked ? (
            <p className="notice notice-warning">Lower the quantities marked above to continue.</p>
          ) : (
            <Link to="/checkout" className="button button-primary button-wide">
              Go to checkout
            </Link>
          )}
        </aside>
      )}
      <div className="cart-aside">
        <RecommendationsSidebar context={{ cartSkus: cart.lines.map((line) => line.sku) }} title={cart.lines.length > 0 ? 'Complete the look' : 'Popular right now'} />
      </div>
    </div>
  );
}
