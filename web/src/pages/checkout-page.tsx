import { useApolloClient, useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Price } from '../components/price';
import { EmptyState, ErrorState, Spinner } from '../components/states';
import { useViewer } from '../features/account/viewer';
import { CartQuery } from '../features/cart/cart-documents';
import { useCart } from '../features/cart/use-cart';
import { checkoutAttempt } from '../features/checkout/attempt-key';
import { COUNTRIES, DEFAULT_COUNTRY, Field, parseExpiry, validateCheckout, type CheckoutValues } from '../features/checkout/checkout-form';
import { outcomeOf, PlaceOrder } from '../features/checkout/place-order';
import { describeError, isTransportError } from '../lib/errors';
import { formatMoney } from '../lib/money';
import { regionLabel, useRegion } from '../lib/region';
import { useDocumentTitle } from '../lib/use-document-title';

type Banner = { tone: 'error' | 'warning'; text: string; retry?: boolean; cartLink?: boolean } | null;

const serverField = (key: string) => (key === 'payment.expiryMonth' || key === 'payment.expiryYear' ? 'payment.expiry' : key);

export function CheckoutPage() {
  useDocumentTitle('Checkout');
  const { region } = useRegion();
  const { viewer } = useViewer();
  const { cart, loading, error, refetch } = useCart();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [placeOrder, { loading: placing }] = useMutation(PlaceOrder);
  const [values, setValues] = useState<CheckoutValues>({
    email: '',
    fullName: '',
    line1: '',
    line2: '',
    city: '',
    postalCode: '',
    countryCode: DEFAULT_COUNTRY[region] ?? 'DE',
    phone: '',
    cardNumber: '',
    expiry: '',
    cvc: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<Banner>(checkoutAttempt.pending() ? { tone: 'warning', text: 'Your last attempt did not finish. Placing the order again is safe: you will not be charged twice.' } : null);
  const bannerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (viewer && !values.fullName) setValues((current) => ({ ...current, fullName: viewer.name }));
  }, [viewer, values.fullName]);
  useEffect(() => {
    if (banner) bannerRef.current?.focus();
  }, [banner]);

  if (!cart) {
    if (loading) return <Spinner label="Loading your cart" />;
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }
  if (cart.lines.length === 0) {
    return (
      <EmptyState title="Your cart is empty">
        <p>
          Add something first — <Link to="/">start shopping</Link>.
        </p>
      </EmptyState>
    );
  }

  const change = (name: keyof CheckoutValues, value: string) => setValues((current) => ({ ...current, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateCheckout(values, !viewer);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setBanner({ tone: 'error', text: 'Please check the highlighted fields.' });
      return;
    }
    setBanner(null);
    const expiry = parseExpiry(values.expiry)!;
    const optional = (text: string) => (text.trim() ? text.trim() : null);
    try {
      const { data } = await placeOrder({
        variables: {
          input: {
            idempotencyKey: checkoutAttempt.key(),
            region,
            email: viewer ? null : values.email.trim(),
            shippingAddress: {
              fullName: values.fullName.trim(),
              line1: values.line1.trim(),
              line2: optional(values.line2),
              city: values.city.trim(),
              postalCode: values.postalCode.trim(),
              countryCode: values.countryCode,
              phone: optional(values.phone),
            },
            payment: { cardNumber: values.cardNumber.replace(/[\s-]/g, ''), expiryMonth: expiry.month, expiryYear: expiry.year, cvc: values.cvc.trim() },
          },
        },
      });
      if (!data) throw new Error('No answer');
      const outcome = outcomeOf(data.placeOrder);
      if (outcome.kind === 'in-progress') {
        setBanner({ tone: 'warning', text: outcome.message, retry: true });
        return;
      }
      checkoutAttempt.settled();
      switch (outcome.kind) {
        case 'confirmed':
        case 'processing':
          client.cache.evict({ fieldName: 'orders' });
          await client.refetchQueries({ include: [CartQuery] });
          navigate(`/checkout/done/${outcome.orderId}`);
          return;
        case 'declined':
          setErrors({ 'payment.cardNumber': 'This card was declined.' });
          setBanner({ tone: 'error', text: outcome.message });
          return;
        case 'out-of-stock':
          await client.refetchQueries({ include: [CartQuery] });
          setBanner({ tone: 'error', text: outcome.message, cartLink: true });
          return;
        case 'invalid':
          setErrors(Object.fromEntries(Object.entries(outcome.fields).map(([key, message]) => [serverField(key), message])));
          setBanner({ tone: 'error', text: outcome.message });
          return;
        case 'failed':
          setBanner({ tone: 'error', text: outcome.message });
          return;
      }
    } catch (failure) {
      if (isTransportError(failure)) {
        setBanner({ tone: 'warning', text: `${describeError(failure)} Your order may or may not have gone through; placing it again is safe — you will not be charged twice.`, retry: true });
      } else {
        checkoutAttempt.settled();
        setBanner({ tone: 'error', text: describeError(failure) });
      }
    }
  };

  return (
    <div className="checkout-layout">
      <form className="checkout-form" onSubmit={submit} noValidate aria-describedby={banner ? 'checkout-banner' : undefined}>
        <h1 className="page-title">Checkout</h1>
        <div ref={bannerRef} tabIndex={-1} id="checkout-banner" aria-live="assertive">
          {banner && (
            <div className={`notice notice-${banner.tone}`} role="alert" data-testid="checkout-message">
              <p>{banner.text}</p>
              {banner.cartLink && <Link to="/cart">Review your cart</Link>}
            </div>
          )}
        </div>
        <fieldset className="form-section">
          <legend>Contact</legend>
          {viewer ? (
            <p className="muted">
              Signed in as <strong>{viewer.email}</strong>
            </p>
          ) : (
            <>
              <Field name="email" label="Email" type="email" inputMode="email" autoComplete="email" values={values} errors={errors} onChange={change} hint="For your receipt and order updates." />
              <p className="muted small">
                Have an account? <Link to="/sign-in?next=/checkout">Sign in</Link> — your cart comes with you.
              </p>
            </>
          )}
        </fieldset>
        <fieldset className="form-section">
          <legend>Shipping address</legend>
          <Field name="fullName" label="Full name" autoComplete="name" values={values} errors={errors} errorKey="shippingAddress.fullName" onChange={change} />
          <Field name="line1" label="Street and number" autoComplete="address-line1" values={values} errors={errors} errorKey="shippingAddress.line1" onChange={change} />
          <Field name="line2" label="Apartment, floor" autoComplete="address-line2" required={false} values={values} errors={errors} errorKey="shippingAddress.line2" onChange={change} />
          <div className="field-row">
            <Field name="postalCode" label="Postal code" autoComplete="postal-code" values={values} errors={errors} errorKey="shippingAddress.postalCode" onChange={change} className="field-short" />
            <Field name="city" label="City" autoComplete="address-level2" values={values} errors={errors} errorKey="shippingAddress.city" onChange={change} />
          </div>
          <div className="field">
            <label htmlFor="field-countryCode">Country</label>
            <select id="field-countryCode" autoComplete="country" value={values.countryCode} onChange={(event) => change('countryCode', event.target.value)}>
              {COUNTRIES.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <Field name="phone" label="Phone" type="tel" inputMode="tel" autoComplete="tel" required={false} values={values} errors={errors} errorKey="shippingAddress.phone" onChange={change} hint="Only for the carrier." />
        </fieldset>
        <fieldset className="form-section">
          <legend>Payment</legend>
          <p className="test-card-hint">
            Test mode: pay with <code>4242 4242 4242 4242</code>; <code>4000 0000 0000 0002</code> is declined. Any future expiry and CVC.
          </p>
          <Field name="cardNumber" label="Card number" inputMode="numeric" autoComplete="cc-number" placeholder="1234 1234 1234 1234" maxLength={23} values={values} errors={errors} errorKey="payment.cardNumber" onChange={change} />
          <div className="field-row">
            <Field name="expiry" label="Expiry (MM/YY)" inputMode="numeric" autoComplete="cc-exp" placeholder="MM/YY" maxLength={7} values={values} errors={errors} errorKey="payment.expiry" onChange={change} />
            <Field name="cvc" label="CVC" inputMode="numeric" autoComplete="cc-csc" placeholder="123" maxLength={4} values={values} errors={errors} errorKey="payment.cvc" onChange={change} className="field-short" />
          </div>
        </fieldset>
        <button type="submit" className="button button-primary button-wide button-large" disabled={placing}>
          {placing ? 'Placing your order…' : banner?.retry ? 'Try again' : `Place order${cart.subtotal ? ` · ${formatMoney(cart.subtotal)}` : ''}`}
        </button>
        <p className="muted small">Stock is taken from {regionLabel(region)}. Shipping and tax are added to the subtotal.</p>
      </form>
      <aside className="checkout-summary" aria-labelledby="order-summary-title">
        <h2 id="order-summary-title">Your order</h2>
        <ul>
          {cart.lines.map((line) => (
            <li key={line.sku}>
              <span className="summary-qty">{line.quantity}×</span>
              <span className="summary-name">
                {line.product.name}
                {line.variant.title !== 'Default' && <span className="muted"> · {line.variant.title}</span>}
              </span>
              <Price price={line.lineTotal} />
            </li>
          ))}
        </ul>
        <p className="summary-total">
          <span>Subtotal</span>
          <strong>{cart.subtotal ? formatMoney(cart.subtotal) : '—'}</strong>
        </p>
        <Link to="/cart" className="link-button">
          Edit cart
        </Link>
      </aside>
    </div>
  );
}
