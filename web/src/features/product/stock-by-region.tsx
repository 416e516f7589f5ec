import { regionLabel } from '../../lib/region';

interface StockByRegionProps {
  stock: { region: string; available: number; inStock: boolean; lowStock: boolean; regions: ReadonlyArray<{ region: string; available: number }> };
}

/** Availability in the shopper's region first, then every other region. */
export function StockByRegion({ stock }: StockByRegionProps) {
  const others = stock.regions.filter((entry) => entry.region !== stock.region);
  const here = regionLabel(stock.region);
  let headline: string;
  if (!stock.inStock) headline = `Sold out in ${here}`;
  else if (stock.lowStock) headline = `Only ${stock.available} left in ${here}`;
  else headline = `In stock in ${here}`;
  return (
    <div className={`stock-region ${stock.inStock ? (stock.lowStock ? 'is-low' : 'is-in') : 'is-out'}`} data-testid="stock-region">
      <p className="stock-headline">
        <span className="stock-dot" aria-hidden="true" />
        {headline}
      </p>
      {others.length > 0 && (
        <p className="stock-others">
          Elsewhere:{' '}
          {others.map((entry, index) => (
            <span key={entry.region}>
              {index > 0 && ' · '}
              {regionLabel(entry.region)} {entry.available > 0 ? `${entry.available} available` : 'sold out'}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
