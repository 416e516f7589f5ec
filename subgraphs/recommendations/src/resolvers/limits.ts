import { pageSize } from '@shop/platform';

export const MAX_RESULTS = 50;
export const MAX_CART_SKUS = 100;
export const MAX_ID_LENGTH = 200;

export const personalPageSize = (first: number | null | undefined) => pageSize(first, { defaultSize: 12, max: MAX_RESULTS });
export const similarPageSize = (first: number | null | undefined) => pageSize(first, { defaultSize: 8, max: MAX_RESULTS });
