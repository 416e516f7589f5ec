import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Spinner } from '../components/states';
import { useViewer } from '../features/account/viewer';
import { formatDate, OrderStatusBadge, shortId } from '../features/orders/order-status';
import { graphql } from '../gql';
import { formatMoney } from '../lib/money';
import { useDocumentTitle } from '../lib/use-document-title';

const OrdersQuery = graphql(`
  query MyOrders($after: String) {
    orders(first: 10, after: $after) {
      edges {
        cursor
        node {
          id
          status
          createdAt
          itemCount
          lines {
            sku
            name
          }
          totals {
            total {
              amount
              currencyCode
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export function OrdersPage() {
  useDocumentTitle('My orders');
  const { viewer } = useViewer();
  const { data, loading, error, refetch, fetchMore } = useQuery(OrdersQuery, { fetchPolicy: 'cache-and-network' });
  const [loadingMore, setLoadingMore] = useState(false);
  const orders = data?.orders.edges.map((edge) => edge.node) ?? [];

  let body;
  if (!data && loading) body = <Spinner label="Loading your orders" />;
  else if (!data && error) body = <ErrorState error={error} onRetry={() => void refetch()} />;
  else if (orders.length === 0) {
    body = (
      <EmptyState title="No orders yet">
        <p>
          When you place an order it shows up here. {!viewer && <Link to="/sign-in?next=/orders">Sign in</Link>}
          {!viewer && ' to see orders placed with your account.'}
        </p>
      </EmptyState>
    );
  } else {
    body = (
      <ul className="orders-list" aria-label="Your orders">
        {orders.map((order) => (
          <li key={order.id}>
            <Link to={`/orders/${order.id}`} className="order-row">
              <span className="order-row-main">
                <strong>#{shortId(order.id)}</strong>
                <span className="muted">{formatDate(order.createdAt)}</span>
              </span>
              <span className="order-row-items">
                {order.lines
                  .slice(0, 2)
                  .map((line) => line.name)
                  .join(', ')}
                {order.lines.length > 2 && ` and ${order.lines.length - 2} more`}
              </span>
              <OrderStatusBadge status={order.status} />
              <span className="order-row-total">{order.totals ? formatMoney(order.totals.total) : '—'}</span>
            </Link>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="narrow">
      <h1 className="page-title">My orders</h1>
      {body}
      {data?.orders.pageInfo.hasNextPage && (
        <div className="load-more">
          <button
            type="button"
            className="button button-secondary"
            disabled={loadingMore}
            onClick={async () => {
              setLoadingMore(true);
              try {
                await fetchMore({ variables: { after: data.orders.pageInfo.endCursor } });
              } finally {
                setLoadingMore(false);
              }
            }}
          >
            {loadingMore ? 'Loading…' : 'Older orders'}
          </button>
        </div>
      )}
    </div>
  );
}
