import { randomBytes } from 'node:crypto';
import { userError, type UserError } from '@shop/platform';
import type { ListingIndex } from '../domain/listing/listing-index';
import { cheapestVariant, type ProductRecord } from '../domain/product';
import { ID_PATTERN, validateProductInput, type ProductDraft } from '../domain/product-input';
import { slugify } from '../domain/text';
import { duplicateKeyOf } from '../data-access/product-documents';
import type { ListingSync } from './listing-sync';
import type { CatalogRepositories } from './repositories';

export interface AdminDeps {
  repositories: CatalogRepositories;
  listing: ListingSync;
  now?: () => Date;
}

export interface UpsertResult {
  product: ProductRecord | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): UpsertResult => ({ product: null, userErrors });

/**
 * Creates or replaces a product: validate → place it in a leaf category → keep slug and SKUs
 * unique → save → append to the change log (so every listing index and the change feed see it).
 */
export async function upsertProduct(deps: AdminDeps, input: unknown): Promise<UpsertResult> {
  const { draft, errors } = validateProductInput(input);
  if (!draft) return failed(...errors);
  const index = await deps.listing.fresh();
  const category = index.tree.find(draft.category);
  if (!category) return failed(userError('UNKNOWN_CATEGORY', `No category "${draft.category}"`, ['input', 'category']));
  if (!index.tree.isLeaf(category)) {
    return failed(userError('CATEGORY_NOT_LEAF', `"${category.name}" has sub-categories; pick one of them`, ['input', 'category']));
  }
  const id = draft.id ?? newProductId();
  const existing = index.state(id);

  const slug = draft.slug ?? freeSlug(index, draft.name, id);
  const slugOwner = index.idBySlug(slug);
  if (slugOwner && slugOwner !== id) return failed(userError('SLUG_TAKEN', `Slug "${slug}" belongs to another product`, ['input', 'slug']));

  const taken = draft.variants.flatMap((variant, position) => {
    const owner = index.idBySku(variant.sku);
    return owner && owner !== id
      ? [userError('SKU_TAKEN', `SKU ${variant.sku} belongs to another product`, ['input', 'variants', String(position), 'sku'])]
      : [];
  });
  if (taken.length > 0) return failed(...taken);

  const now = deps.now?.() ?? new Date();
  const product = buildRecord(draft, {
    id,
    slug,
    categoryIds: index.tree.pathIds(category),
    createdAt: existing?.record ? existing.record.createdAt : now,
    updatedAt: laterThan(now, existing?.updatedAt),
  });
  try {
    await deps.repositories.products.save(product);
  } catch (error) {
    if (duplicateKeyOf(error)?.field === 'slug') return failed(userError('SLUG_TAKEN', `Slug "${slug}" belongs to another product`, ['input', 'slug']));
    throw error;
  }
  deps.listing.applyOwnWrite(await deps.repositories.changeLog.record([id]), product);
  return { product, userErrors: [] };
}

/** Deletes a product, keeping a tombstone so the change feed reports the deletion. */
export async function deleteProduct(deps: AdminDeps, id: string): Promise<{ deletedProductId: string | null; userErrors: UserError[] }> {
  const notFound = { deletedProductId: null, userErrors: [userError('NOT_FOUND', `No product "${id.slice(0, 100)}"`, ['id'])] };
  if (!ID_PATTERN.test(id)) return notFound;
  const existing = (await deps.listing.fresh()).state(id);
  if (!existing?.record) return notFound;
  const deletedAt = laterThan(deps.now?.() ?? new Date(), existing.updatedAt);
  await deps.repositories.products.saveTombstone(id, existing.record.createdAt, deletedAt);
  deps.listing.applyOwnWrite(await deps.repositories.changeLog.record([id]), { id, deleted: true, updatedAt: deletedAt });
  return { deletedProductId: id, userErrors: [] };
}

export function buildRecord(
  draft: Omit<ProductDraft, 'id' | 'slug' | 'category'>,
  placed: { id: string; slug: string; categoryIds: string[]; createdAt: Date; updatedAt: Date },
): ProductRecord {
  const cheapest = cheapestVariant(draft.variants);
  return {
    id: placed.id,
    slug: placed.slug,
    name: draft.name,
    brand: draft.brand,
    description: draft.description,
    currencyCode: draft.currencyCode,
    priceMinor: cheapest.priceMinor,
    compareAtPriceMinor: cheapest.compareAtPriceMinor,
    images: draft.images,
    attributes: draft.attributes,
    categoryId: placed.categoryIds[placed.categoryIds.length - 1]!,
    categoryIds: placed.categoryIds,
    variants: draft.variants,
    createdAt: placed.createdAt,
    updatedAt: placed.updatedAt,
  };
}

function newProductId(): string {
  return `p-${randomBytes(8).toString('hex')}`;
}

/** The name's slug, or the first of slug-2, slug-3… that no other product uses. */
function freeSlug(index: ListingIndex, name: string, id: string): string {
  const base = slugify(name) || 'product';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const owner = index.idBySlug(candidate);
    if (!owner || owner === id) return candidate;
  }
}

/** Update times only move forward, even if clocks disagree, so the change feed never goes back. */
function laterThan(now: Date, previous: number | undefined): Date {
  return previous !== undefined && previous >= now.getTime() ? new Date(previous + 1) : now;
}
