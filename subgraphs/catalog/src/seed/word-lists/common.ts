/** Word lists shared by every kind of generated product. All brands are made up. */

export type OptionKind =
  | 'shoeSize'
  | 'apparelSize'
  | 'waistSize'
  | 'colour'
  | 'storage'
  | 'volume'
  | 'format'
  | 'panSize'
  | 'bedSize'
  | 'ballSize'
  | 'weight'
  | 'pieces'
  | 'shade'
  | 'none';

export interface LeafSpec {
  /** Top-level, middle and leaf category names. */
  path: readonly [string, string, string];
  /** Relative share of the generated catalog. */
  weight: number;
  nouns: readonly string[];
  brands: readonly string[];
  adjectives: readonly string[];
  /** Price range in major units. */
  price: readonly [number, number];
  option: OptionKind;
  /** Names start with "Men's", "Women's"… and a Gender attribute is set. */
  audience?: readonly string[];
  /** The product has a main colour (in its name and a Colour attribute). */
  coloured?: boolean;
  naming?: 'standard' | 'model' | 'book';
  attributes: Readonly<Record<string, readonly string[]>>;
  /** Sentences for the description. */
  features: readonly string[];
}

export const COLOURS = [
  'Black', 'White', 'Navy', 'Grey', 'Beige', 'Olive', 'Burgundy', 'Red', 'Blue', 'Green', 'Brown', 'Pink', 'Tan',
  'Charcoal', 'Cream', 'Teal', 'Mustard', 'Khaki',
] as const;

export const SHADES = ['Rosewood', 'Coral Crush', 'Berry Bold', 'Nude Silk', 'Ruby Red', 'Mauve Mist', 'Cocoa', 'Peach Glow'] as const;

export const ADULTS = ["Men's", "Women's"] as const;
export const EVERYONE = ["Men's", "Women's", 'Unisex'] as const;
export const WOMEN = ["Women's"] as const;

/** Ordered option values; variants take a contiguous run of them. Steps raise the price per value. */
export const OPTION_VALUES: Record<Exclude<OptionKind, 'colour' | 'shade' | 'none'>, { name: string; values: readonly string[]; step: number; run: readonly [number, number] }> = {
  shoeSize: { name: 'Size', values: ['36', '37', '38', '39', '40', '41', '42', '43', '44', '45', '46', '47'], step: 0, run: [5, 8] },
  apparelSize: { name: 'Size', values: ['XS', 'S', 'M', 'L', 'XL', 'XXL'], step: 0, run: [4, 6] },
  waistSize: { name: 'Waist', values: ['28', '30', '32', '34', '36', '38'], step: 0, run: [4, 6] },
  storage: { name: 'Storage', values: ['128 GB', '256 GB', '512 GB', '1 TB'], step: 0.18, run: [2, 3] },
  volume: { name: 'Size', values: ['30 ml', '50 ml', '100 ml'], step: 0.45, run: [2, 3] },
  format: { name: 'Format', values: ['Paperback', 'Hardcover'], step: 0.6, run: [1, 2] },
  panSize: { name: 'Diameter', values: ['20 cm', '24 cm', '28 cm', '32 cm'], step: 0.15, run: [2, 3] },
  bedSize: { name: 'Size', values: ['Single', 'Double', 'King', 'Super King'], step: 0.25, run: [2, 4] },
  ballSize: { name: 'Size', values: ['3', '4', '5'], step: 0.05, run: [2, 3] },
  weight: { name: 'Weight', values: ['2 kg', '4 kg', '6 kg', '8 kg', '10 kg', '12 kg'], step: 0.3, run: [3, 5] },
  pieces: { name: 'Pieces', values: ['500', '1000', '1500', '2000'], step: 0.2, run: [2, 3] },
};

export const CLOSINGS = [
  'Easy to care for and made to last.',
  'A dependable favourite for every day.',
  'Backed by a two-year guarantee.',
  'Thoughtfully designed down to the smallest detail.',
  'Packed in recycled, plastic-free packaging.',
  'Pairs well with the rest of the collection.',
  'Tested by our team before it reaches you.',
] as const;

export const MODEL_SERIES = ['Nova', 'Pulse', 'Aero', 'Vibe', 'Zen', 'Orbit', 'Flux', 'Echo', 'Prime', 'Edge', 'Arc', 'Halo'] as const;
export const MODEL_SUFFIXES = ['', '', ' Pro', ' Lite', ' Max', ' Plus', ' Air'] as const;

export const BOOK_ADJECTIVES = [
  'Silent', 'Golden', 'Hidden', 'Last', 'Distant', 'Burning', 'Forgotten', 'Winter', 'Crimson', 'Quiet', 'Wild', 'Paper',
] as const;
export const BOOK_NOUNS = [
  'Harbour', 'Orchard', 'Lighthouse', 'Garden', 'River', 'Letters', 'Station', 'Island', 'Kingdom', 'Archive', 'Summer',
  'Tide', 'Compass', 'Mountain',
] as const;
export const BOOK_PLACES = ['Ashford', 'the North', 'Calder Bay', 'Marrow Street', 'the Valley', 'Elm Hollow', 'Lisbon', 'the Fens'] as const;
export const FIRST_NAMES = ['Amelia', 'Noah', 'Priya', 'Lucas', 'Hannah', 'Mateo', 'Sofia', 'Elias', 'Maya', 'Oliver', 'Zara', 'Jonas'] as const;
export const LAST_NAMES = ['Hartley', 'Okafor', 'Lindqvist', 'Moreau', 'Castillo', 'Brennan', 'Sato', 'Whitmore', 'Novak', 'Adeyemi'] as const;
