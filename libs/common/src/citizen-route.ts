/**
 * Metadata of a route only a signed-in citizen may call (`CitizenOnly()` of libs/citizens). The
 * staff AuthGuard (libs/identity) lets such a route through untouched, and the CitizenGuard
 * demands a citizen token: the key lives here, below both, so neither lib imports the other.
 */
export const IS_CITIZEN_ROUTE = 'motcua:citizen-route';

/** The signed-in citizen, as the CitizenGuard puts it on the request (`request.citizen`). */
export interface CitizenPrincipal {
  citizenId: string;
  /** The verified mobile number, normalised (`0` + 9 digits). */
  phone: string;
}
