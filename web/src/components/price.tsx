import { formatMoney, type MoneyValue } from '../lib/money';

interface PriceProps {
  price: MoneyValue;
  compareAt?: MoneyValue | null;
  from?: boolean;
  className?: string;
}

export function Price({ price, compareAt, from = false, className = '' }: PriceProps) {
  const discounted = compareAt && Number(compareAt.amount) > Number(price.amount);
  return (
    <span className={`price ${discounted ? 'price-sale' : ''} ${className}`}>
      {from && <span className="price-from">from </span>}
      <span className="price-now">{formatMoney(price)}</span>
      {discounted && (
        <>
          {' '}
          <s className="price-was">
            <span className="visually-hidden">was </span>
            {formatMoney(compareAt)}
          </s>
        </>
      )}
    </span>
  );
}
