import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState, Spinner } from '../components/states';
import { OrderDetails } from '../features/orders/order-details';
import { shortId } from '../features/orders/order-status';
import { graphql } from '../gql';
import { describeError } from '../lib/errors';
import { useDocumentTitle } from '../lib/use-document-title';

const OrderQuery = graphql(`
  query OrderPage($id: ID!) {
    order(id: $id) {
      id
      status
      ...OrderDetails
    }
  }
`);

const CancelOrder = graphql(`
  mutation CancelOrder($id: ID!) {
    cancelOrder(id: $id) {
      order {
        id
        status
        ...OrderDetails
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export function OrderPage() {
  const { orderId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(OrderQuery, { variables: { id: orderId } });
  const [cancel, { loading: cancelling }] = useMutation(CancelOrder);
  const [message, setMessage] = useState<string | null>(null);
  const order = data?.order;
  useDocumentTitle(order ? `Order #${shortId(order.id)}` : 'Order');

  if (!order) {
    if (loading) return <Spinner label="Loading the order" />;
    return <ErrorState error={error ?? new Error('not found')} onRetry={() => void refetch()} title="We could not find this order" />;
  }
  const cancelOrder = async () => {
    if (!window.confirm('Cancel this order? The payment is refunded.')) return;
    try {
      const { data: result } = await cancel({ variables: { id: order.id } });
      setMessage(result?.cancelOrder.userErrors[0]?.message ?? 'The order is cancelled and the payment refunded.');
    } catch (failure) {
      setMessage(describeError(failure));
    }
  };
  return (
    <div className="narrow">
      <p>
        <Link to="/orders" className="link-button">
          ← All orders
        </Link>
      </p>
      <h1 className="page-title">Order #{shortId(order.id)}</h1>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <OrderDetails order={order} />
      {order.status === 'CONFIRMED' && (
        <button type="button" className="button button-secondary" onClick={cancelOrder} disabled={cancelling}>
          {cancelling ? 'Cancelling…' : 'Cancel order'}
        </button>
      )}
    </div>
  );
}
