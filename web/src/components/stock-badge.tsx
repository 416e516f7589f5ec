import { regionLabel } from '../lib/region';

interface StockBadgeProps {
  stock: { inStock: boolean; lowStock: boolean; available?: number; region?: string } | null | undefined;
  showCount?: boolean;
}

export function StockBadge({ stock, showCount = false }: StockBadgeProps) {
  if (!stock) return null;
  const where = stock.region ? ` in ${regionLabel(stock.region)}` : '';
  if (!stock.inStock) return <span className="badge badge-out">Sold out{where}</span>;
  if (stock.lowStock) {
    const count = showCount && stock.available !== undefined ? `Only ${stock.available} left` : 'Low stock';
    return <span className="badge badge-low">{count}{where}</span>;
  }
  return <span className="badge badge-in">In stock{where}</span>;
}
