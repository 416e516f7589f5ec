import type { ProductAttribute, ProductImage, ProductRecord, VariantRecord } from './product';
import { parseState, type ProductCard } from './product-json';

/**
 * A product of the read model as handed to resolvers: the card (what a listing shows) is parsed
 * at once, the rest of its JSON only when a field outside the card is read. A listing page of
 * 24 products then parses about a third of their text.
 */
export class ProductView implements ProductRecord {
  private full: ProductRecord | null = null;

  constructor(
    private readonly card: ProductCard,
    private readonly json: string,
  ) {}

  get id(): string {
    return this.card.id;
  }
  get slug(): string {
    return this.card.slug;
  }
  get name(): string {
    return this.card.name;
  }
  get brand(): string {
    return this.card.brand;
  }
  get currencyCode(): string {
    return this.card.currencyCode;
  }
  get priceMinor(): number {
    return this.card.priceMinor;
  }
  get compareAtPriceMinor(): number | null {
    return this.card.compareAtPriceMinor;
  }
  get images(): ProductImage[] {
    return this.card.images;
  }
  get categoryId(): string {
    return this.card.categoryId;
  }
  get description(): string {
    return this.record().description;
  }
  get attributes(): ProductAttribute[] {
    return this.record().attributes;
  }
  get categoryIds(): string[] {
    return this.record().categoryIds;
  }
  get variants(): VariantRecord[] {
    return this.record().variants;
  }
  get createdAt(): Date {
    return this.record().createdAt;
  }
  get updatedAt(): Date {
    return this.record().updatedAt;
  }

  private record(): ProductRecord {
    return (this.full ??= parseState(this.json) as ProductRecord);
  }
}
