-- Orders, their lines, and the outbox of events for other subgraphs.
-- An order row is also the idempotency record of its checkout: unique per (customer, idempotency_key),
-- kept as long as the order (so keys live well beyond 24 hours).

CREATE TABLE orders (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  customer text NOT NULL,
  idempotency_key text NOT NULL,
  request_fingerprint text NOT NULL,
  cart_fingerprint text,
  status text NOT NULL
    CHECK (status IN ('PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'FAILED')),
  saga_state text NOT NULL
    CHECK (saga_state IN ('started', 'priced', 'reserving', 'charging', 'charged', 'confirmed', 'done',
                          'compensating', 'failed', 'cancelling', 'restocking', 'cancelled')),
  lease_until timestamptz NOT NULL,
  email text,
  region text NOT NULL,
  shipping_address jsonb NOT NULL,
  pricing jsonb,
  currency_code text,
  subtotal_minor bigint CHECK (subtotal_minor >= 0),
  shipping_minor bigint CHECK (shipping_minor >= 0),
  tax_minor bigint CHECK (tax_minor >= 0),
  total_minor bigint CHECK (total_minor >= 0),
  payment_provider text,
  payment_brand text,
  payment_last4 text CHECK (payment_last4 ~ '^[0-9]{4}$'),
  payment_reference text,
  payment_status text CHECK (payment_status IN ('CAPTURED', 'REFUNDED')),
  user_errors jsonb NOT NULL DEFAULT '[]',
  failure_code text,
  failure_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  cancelled_at timestamptz,
  CONSTRAINT orders_customer_idempotency_key UNIQUE (customer, idempotency_key)
);

-- A shopper's history, newest first (keyset on seq).
CREATE INDEX orders_customer_seq ON orders (customer, seq DESC);
-- Sagas the reconciler may have to settle.
CREATE INDEX orders_unsettled_lease ON orders (lease_until)
  WHERE saga_state NOT IN ('done', 'failed', 'cancelled');

CREATE TABLE order_lines (
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  position int NOT NULL,
  sku text NOT NULL,
  product_id text NOT NULL,
  name text NOT NULL,
  variant_title text,
  unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
  quantity int NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_id, position)
);

CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  topic text NOT NULL,
  shopper text NOT NULL,
  payload jsonb NOT NULL,
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE delivered_at IS NULL;
