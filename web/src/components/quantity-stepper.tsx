import { useEffect, useState } from 'react';

interface QuantityStepperProps {
  value: number;
  min?: number;
  max: number;
  onChange(value: number): void;
  label: string;
  disabled?: boolean;
}

/** − / number / + : buttons act at once; a typed number counts when the field is left or Enter is pressed. */
export function QuantityStepper({ value, min = 1, max, onChange, label, disabled = false }: QuantityStepperProps) {
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const clamp = (next: number) => Math.max(min, Math.min(max, next));
  const commit = () => {
    const next = Number.parseInt(draft, 10);
    if (!Number.isFinite(next)) return setDraft(String(value));
    const bounded = clamp(next);
    setDraft(String(bounded));
    if (bounded !== value) onChange(bounded);
  };
  return (
    <div className="stepper" role="group" aria-label={label}>
      <button type="button" onClick={() => onChange(clamp(value - 1))} disabled={disabled || value <= min} aria-label="Decrease quantity">
        −
      </button>
      <input
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={draft}
        disabled={disabled}
        aria-label="Quantity"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
      />
      <button type="button" onClick={() => onChange(clamp(value + 1))} disabled={disabled || value >= max} aria-label="Increase quantity">
        +
      </button>
    </div>
  );
}
