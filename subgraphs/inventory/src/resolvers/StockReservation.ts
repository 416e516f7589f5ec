import type { StockReservationResolvers } from '../generated/resolvers-types';

export const StockReservation: StockReservationResolvers = {
  expiresAt: (reservation) => new Date(reservation.expiresAt).toISOString(),
};
