import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { local } from './storage';

export const REGIONS = [
  { code: 'eu', label: 'Europe', short: 'Europe' },
  { code: 'us', label: 'United States', short: 'USA' },
  { code: 'asia', label: 'Asia', short: 'Asia' },
] as const;

export type RegionCode = (typeof REGIONS)[number]['code'];

const STORAGE_KEY = 'shop.region';
const DEFAULT_REGION: RegionCode = 'eu';

const isRegion = (value: string | null): value is RegionCode => REGIONS.some((region) => region.code === value);

export const regionLabel = (code: string) => REGIONS.find((region) => region.code === code)?.label ?? code.toUpperCase();

interface RegionState {
  region: RegionCode;
  setRegion(region: RegionCode): void;
}

const RegionContext = createContext<RegionState | null>(null);

/** The shopper's region: where stock is counted and taken from. Kept in localStorage. */
export function RegionProvider({ children }: { children: ReactNode }) {
  const [region, setState] = useState<RegionCode>(() => {
    const stored = local.get(STORAGE_KEY);
    return isRegion(stored) ? stored : DEFAULT_REGION;
  });
  const setRegion = useCallback((next: RegionCode) => {
    local.set(STORAGE_KEY, next);
    setState(next);
  }, []);
  const value = useMemo(() => ({ region, setRegion }), [region, setRegion]);
  return <RegionContext.Provider value={value}>{children}</RegionContext.Provider>;
}

export function useRegion(): RegionState {
  const state = useContext(RegionContext);
  if (!state) throw new Error('useRegion needs a RegionProvider');
  return state;
}
