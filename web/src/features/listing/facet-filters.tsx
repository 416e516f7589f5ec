import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { formatMoney } from '../../lib/money';
import { activeFilterCount, readListingParams, toggled, withoutFilters, withValue } from './listing-params';

export const ListingFacetsFragment = graphql(`
  fragment ListingFacets on ProductFacets {
    brands {
      value
      count
      selected
    }
    categories {
      category {
        id
        slug
        name
      }
      count
    }
    attributes {
      name
      values {
        value
        count
        selected
      }
    }
    priceBands {
      min {
        amount
        currencyCode
      }
      max {
        amount
        currencyCode
      }
      count
    }
  }
`);

const SHOWN_VALUES = 6;

interface CheckGroupProps {
  legend: string;
  values: ReadonlyArray<{ value: string; count: number; selected: boolean }>;
  onToggle(value: string): void;
}

function CheckGroup({ legend, values, onToggle }: CheckGroupProps) {
  const [all, setAll] = useState(false);
  const shown = all ? values : values.slice(0, SHOWN_VALUES);
  const anySelected = values.some((value) => value.selected);
  return (
    <details className="facet" open={anySelected || legend === 'Brand'}>
      <summary>{legend}</summary>
      <fieldset>
        <legend className="visually-hidden">{legend}</legend>
        {shown.map((entry) => (
          <label key={entry.value} className="check">
            <input type="checkbox" checked={entry.selected} onChange={() => onToggle(entry.value)} />
            <span className="check-label">{entry.value}</span>
            <span className="check-count">{entry.count}</span>
          </label>
        ))}
        {values.length > SHOWN_VALUES && (
          <button type="button" className="link-button" onClick={() => setAll(!all)} aria-expanded={all}>
            {all ? 'Show fewer' : `Show all ${values.length}`}
          </button>
        )}
      </fieldset>
    </details>
  );
}

/** Filters from the listing's facets; every change is a URL change, so Back undoes it. */
export function FacetFilters({ facets: masked, basePath }: { facets: FragmentType<typeof ListingFacetsFragment> | undefined; basePath: string }) {
  const facets = useFragment(ListingFacetsFragment, masked);
  const [params, setParams] = useSearchParams();
  const listing = readListingParams(params);
  const active = activeFilterCount(listing);
  if (!facets) return null;
  const priceValue = listing.price ? `${listing.price.min}-${listing.price.max ?? ''}` : '';
  return (
    <details className="filters" open={typeof window !== 'undefined' && window.matchMedia('(min-width: 900px)').matches}>
      <summary className="filters-toggle">
        Filters{active > 0 && <span className="pill">{active}</span>}
      </summary>
      <div className="filters-body">
        {facets.categories.length > 0 && (
          <nav className="facet facet-links" aria-label="Sub-categories">
            <p className="facet-title">Category</p>
            <ul>
              {facets.categories.map(({ category, count }) => (
                <li key={category.id}>
                  <Link to={`/c/${category.slug}`}>
                    {category.name} <span className="check-count">{count}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {facets.brands.length > 0 && (
          <CheckGroup legend="Brand" values={facets.brands} onToggle={(brand) => setParams(toggled(params, 'brand', brand))} />
        )}
        {facets.priceBands.length > 0 && (
          <details className="facet" open={listing.price !== null}>
            <summary>Price</summary>
            <fieldset>
              <legend className="visually-hidden">Price</legend>
              <label className="check">
                <input type="radio" name="price" checked={!listing.price} onChange={() => setParams(withValue(params, 'price', null))} />
                <span className="check-label">Any price</span>
              </label>
              {facets.priceBands.map((band) => {
                const value = `${band.min.amount}-${band.max?.amount ?? ''}`;
                return (
                  <label key={value} className="check">
                    <input type="radio" name="price" checked={priceValue === value} onChange={() => setParams(withValue(params, 'price', value))} />
                    <span className="check-label">
                      {band.max ? `${formatMoney(band.min)} – ${formatMoney(band.max)}` : `${formatMoney(band.min)} and up`}
                    </span>
                    <span className="check-count">{band.count}</span>
                  </label>
                );
              })}
            </fieldset>
          </details>
        )}
        {facets.attributes.map((attribute) => (
          <CheckGroup
            key={attribute.name}
            legend={attribute.name}
            values={attribute.values}
            onToggle={(value) => setParams(toggled(params, 'attr', `${attribute.name}:${value}`))}
          />
        ))}
        {active > 0 && (
          <Link className="button button-secondary button-small" to={`${basePath}?${withoutFilters(params).toString()}`}>
            Clear all filters
          </Link>
        )}
      </div>
    </details>
  );
}
