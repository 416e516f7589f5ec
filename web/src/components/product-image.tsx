import { useState, type CSSProperties } from 'react';
import { hashOf } from '../lib/ids';

interface ProductImageProps {
  url: string | undefined;
  alt: string;
  /** Seed for the placeholder's colour, e.g. the product id. */
  seed: string;
  /** Brand shown on the placeholder. */
  label: string;
  /** Product name: picks the placeholder's outline (shirt, shoe, watch…). */
  name?: string;
  eager?: boolean;
  className?: string;
}

const OUTLINES: Array<[RegExp, string]> = [
  [/watch/i, 'M18 4h12l1 8H17zM17 36h14l-1 8H18zM24 12a12 12 0 1 1 0 24 12 12 0 0 1 0-24zM24 17v7l5 3'],
  [/shoe|sneaker|sandal|heel|flip|loafer|boot|slipper|floater/i, 'M4 34c0-5 2-8 5-8l6-9 5 4c4 3 9 4 13 4l8 2c3 1 3 4 3 7v2H4zM4 34h40'],
  [/bag|backpack|wallet|clutch|purse/i, 'M9 17h30l-3 25H12zM17 17v-4a7 7 0 0 1 14 0v4'],
  [/jeans|trouser|pant|short|legging|track|skirt/i, 'M14 5h20l3 38h-9l-4-25-4 25h-9zM14 11h20'],
  [/shirt|tee|top|kurta|dress|jersey|sweat|jacket|tunic|polo|blazer/i, 'M17 6 7 11l4 9 5-3v25h16V17l5 3 4-9-10-5c-1 3-4 5-7 5s-6-2-7-5z'],
  [/sunglass|eyewear|spectacle/i, 'M4 20h40M9 20a6 6 0 0 0 12 0M27 20a6 6 0 0 0 12 0M21 20h6'],
];
const TAG_OUTLINE = 'M6 25 25 6h17v17L23 42zM34 12a2 2 0 1 0 0 4 2 2 0 0 0 0-4z';

const outlineFor = (name: string) => OUTLINES.find(([pattern]) => pattern.test(name))?.[1] ?? TAG_OUTLINE;

/**
 * The product photo over a generated placeholder: a soft colour from the product id, an outline of
 * what the product is, and its brand. The placeholder shows from the start and stays when the
 * photo cannot load (image hosts may be unreachable), so a card never looks broken.
 */
export function ProductImage({ url, alt, seed, label, name = '', eager = false, className = '' }: ProductImageProps) {
  const [state, setState] = useState<'loading' | 'loaded' | 'failed'>(url ? 'loading' : 'failed');
  const style = { '--ph-hue': hashOf(seed) % 360 } as CSSProperties;
  const loaded = state === 'loaded';
  return (
    <div className={`media ${className}`} style={style} data-image-state={state}>
      <div className="media-placeholder" role={loaded ? undefined : 'img'} aria-label={loaded ? undefined : alt}>
        <span className="media-icon" aria-hidden="true">
          <svg viewBox="0 0 48 48" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d={outlineFor(`${name} ${alt}`)} />
          </svg>
        </span>
        <span className="media-label" aria-hidden="true">
          {label}
        </span>
      </div>
      {url && state !== 'failed' && (
        <img
          src={url}
          alt={loaded ? alt : ''}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          onLoad={() => setState('loaded')}
          onError={() => setState('failed')}
        />
      )}
    </div>
  );
}
