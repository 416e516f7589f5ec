import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState, Spinner } from '../components/states';
import { OrderDetails } from '../features/orders/order-details';
import { graphql } from '../gql';
import { useDocumentTitle } from '../lib/use-document-title';

const ConfirmationQuery = graphql(`
  query OrderConfirmation($id: ID!) {
    order(id: $id) {
      id
      status
      email
      ...OrderDetails
    }
  }
`);

export function OrderConfirmationPage() {
  const { orderId = '' } = useParams();
  const { data, loading, error, refetch, startPolling, stopPolling } = useQuery(ConfirmationQuery, { variables: { id: orderId }, fetchPolicy: 'network-only' });
  const order = data?.order;
  useDocumentTitle(order?.status === 'CONFIRMED' ? 'Thank you for your order' : 'Your order');
  const pending = order?.status === 'PENDING';
  useEffect(() => {
    if (!pending) return;
    startPolling(1_000);
    return () => stopPolling();
  }, [pending, startPolling, stopPolling]);

  if (!order) {
    if (loading) return <Spinner label="Loading your order" />;
    return <ErrorState error={error ?? new Error('not found')} onRetry={() => void refetch()} title="We could not find this order" />;
  }
  return (
    <div className="confirmation">
      {order.status === 'PENDING' ? (
        <div className="confirmation-hero" role="status">
          <Spinner label="Confirming your payment" />
          <h1>We are confirming your order…</h1>
        </div>
      ) : order.status === 'FAILED' ? (
        <div className="confirmation-hero is-failed" role="alert">
          <h1>Your order did not go through</h1>
          <p>Nothing was charged. Your cart is unchanged.</p>
          <Link to="/checkout" className="button">
            Back to checkout
          </Link>
        </div>
      ) : (
        <div className="confirmation-hero" role="status">
          <svg viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" className="confirmation-check">
            <circle cx="24" cy="24" r="22" fill="currentColor" />
            <path d="m14 25 7 7 13-15" fill="none" stroke="#fff" strokeWidth="4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <h1>Thank you! Your order is confirmed.</h1>
          <p>{order.email ? `A receipt is on its way to ${order.email}.` : 'You can follow it in My orders.'}</p>
        </div>
      )}
      <OrderDetails order={order} />
      <p className="confirmation-links">
        <Link to="/orders" className="button button-secondary">
          My orders
        </Link>
        <Link to="/" className="link-button">
          Continue shopping
        </Link>
      </p>
    </div>
  );
}
