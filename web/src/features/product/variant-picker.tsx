import { graphql, useFragment, type FragmentType } from '../../gql';
import { sortOptionValues } from './option-order';

export const VariantPickerFragment = graphql(`
  fragment VariantPicker_variant on ProductVariant {
    sku
    title
    options {
      name
      value
    }
    stock(region: $region) {
      inStock
    }
  }
`);

type Variant = { sku: string; options: ReadonlyArray<{ name: string; value: string }>; stock: { inStock: boolean } };

const optionOf = (variant: Variant, name: string) => variant.options.find((option) => option.name === name)?.value;

/** Option names in the order the variants give them (e.g. Colour, then Size). */
export function optionNamesOf(variants: readonly Variant[]): string[] {
  const names: string[] = [];
  for (const variant of variants) for (const option of variant.options) if (!names.includes(option.name)) names.push(option.name);
  return names;
}

interface VariantPickerProps {
  variants: ReadonlyArray<FragmentType<typeof VariantPickerFragment>>;
  selectedSku: string | null;
  onSelect(sku: string): void;
}

/**
 * One radio group per option (size, colour…): native radios, so arrow keys and screen readers
 * work as expected. Values sold out in the shopper's region are marked, not hidden.
 */
export function VariantPicker({ variants: masked, selectedSku, onSelect }: VariantPickerProps) {
  const variants = useFragment(VariantPickerFragment, masked);
  const names = optionNamesOf(variants);
  if (names.length === 0) return null;
  const selected = variants.find((variant) => variant.sku === selectedSku);

  const choose = (name: string, value: string) => {
    const wanted = new Map(names.map((other) => [other, other === name ? value : selected && optionOf(selected, other)]));
    const matches = (variant: Variant) => names.every((other) => wanted.get(other) === undefined || optionOf(variant, other) === wanted.get(other));
    const exact = variants.filter((variant) => optionOf(variant, name) === value && matches(variant));
    const fallback = variants.filter((variant) => optionOf(variant, name) === value);
    const pick = exact.find((variant) => variant.stock.inStock) ?? exact[0] ?? fallback.find((variant) => variant.stock.inStock) ?? fallback[0];
    if (pick) onSelect(pick.sku);
  };

  return (
    <div className="variant-picker">
      {names.map((name) => {
        const values = sortOptionValues([...new Set(variants.map((variant) => optionOf(variant, name)).filter((value): value is string => value !== undefined))]);
        const current = selected ? optionOf(selected, name) : undefined;
        return (
          <fieldset key={name} className="option-group">
            <legend>
              {name}
              {current ? <span className="option-current">: {current}</span> : <span className="option-hint"> — choose one</span>}
            </legend>
            <div className="option-values">
              {values.map((value) => {
                const others = variants.filter(
                  (variant) => optionOf(variant, name) === value && names.every((other) => other === name || !selected || optionOf(variant, other) === optionOf(selected, other)),
                );
                const soldOut = others.length > 0 && others.every((variant) => !variant.stock.inStock);
                return (
                  <label key={value} className={`option ${soldOut ? 'is-sold-out' : ''}`}>
                    <input type="radio" name={`option-${name}`} value={value} checked={current === value} onChange={() => choose(name, value)} />
                    <span>
                      {value}
                      {soldOut && <span className="visually-hidden"> (sold out)</span>}
                    </span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
