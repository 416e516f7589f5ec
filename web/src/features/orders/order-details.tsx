import { Link } from 'react-router';
import { Price } from '../../components/price';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { formatMoney } from '../../lib/money';
import { regionLabel } from '../../lib/region';
import { formatDate, OrderStatusBadge, shortId } from './order-status';

export const OrderDetailsFragment = graphql(`
  fragment OrderDetails on Order {
    id
    status
    email
    region
    itemCount
    createdAt
    confirmedAt
    cancelledAt
    failureReason
    lines {
      sku
      name
      variantTitle
      quantity
      unitPrice {
        amount
        currencyCode
      }
      lineTotal {
        amount
        currencyCode
      }
      product {
        id
        slug
      }
    }
    totals {
      subtotal {
        amount
        currencyCode
      }
      shipping {
        amount
        currencyCode
      }
      tax {
        amount
        currencyCode
      }
      total {
        amount
        currencyCode
      }
    }
    shippingAddress {
      fullName
      line1
      line2
      city
      province
      postalCode
      countryCode
    }
    payment {
      brand
      last4
      status
    }
  }
`);

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(undefined, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function OrderDetails({ order: masked }: { order: FragmentType<typeof OrderDetailsFragment> }) {
  const order = useFragment(OrderDetailsFragment, masked);
  const address = order.shippingAddress;
  return (
    <div className="order-details">
      <div className="order-head">
        <p>
          Order <strong>#{shortId(order.id)}</strong> · placed {formatDate(order.createdAt)}
        </p>
        <OrderStatusBadge status={order.status} />
      </div>
      {order.failureReason && order.status === 'FAILED' && <p className="notice notice-error">{order.failureReason}</p>}
      <table className="order-lines">
        <caption className="visually-hidden">Items</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Qty</th>
            <th scope="col">Price</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.sku}>
              <td>
                <Link to={`/p/${line.product.slug}`}>{line.name}</Link>
                {line.variantTitle && <span className="muted"> · {line.variantTitle}</span>}
              </td>
              <td>{line.quantity}</td>
              <td>
                <Price price={line.unitPrice} />
              </td>
              <td>
                <Price price={line.lineTotal} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="order-grid">
        {order.totals && (
          <dl className="order-totals">
            <div>
              <dt>Subtotal</dt>
              <dd>{formatMoney(order.totals.subtotal)}</dd>
            </div>
            <div>
              <dt>Shipping</dt>
              <dd>{Number(order.totals.shipping.amount) === 0 ? 'Free' : formatMoney(order.totals.shipping)}</dd>
            </div>
            <div>
              <dt>Tax</dt>
              <dd>{formatMoney(order.totals.tax)}</dd>
            </div>
            <div className="order-total">
              <dt>Total</dt>
              <dd data-testid="order-total">{formatMoney(order.totals.total)}</dd>
            </div>
          </dl>
        )}
        <div>
          <h3>Shipping to</h3>
          <address>
            {address.fullName}
            <br />
            {address.line1}
            {address.line2 && (
              <>
                <br />
                {address.line2}
              </>
            )}
            <br />
            {address.postalCode} {address.city}
            {address.province && `, ${address.province}`}
            <br />
            {countryName(address.countryCode)}
          </address>
          <p className="muted small">Ships from {regionLabel(order.region)}</p>
        </div>
        {order.payment && (
          <div>
            <h3>Payment</h3>
            <p>
              {order.payment.brand.toUpperCase()} ending in {order.payment.last4}
              {order.payment.status === 'REFUNDED' && <span className="muted"> · refunded</span>}
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
