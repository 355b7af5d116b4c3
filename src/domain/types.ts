/**
 * The data the admin adapter (src/admin/) hands to the pure rules (src/domain/).
 * Times are epoch milliseconds (UTC instants): the adapter has already applied the admin's
 * time zone, so nothing past this point needs to know how the admin prints dates.
 */

/** Where a password-reset request came from; `admin` is a manual change by an agent. */
export type RequestOrigin = 'flux-player' | 'web-player' | 'admin' | 'other';

/** One row of the admin's Password History. */
export interface ResetRequest {
  /** Instant of the request (epoch ms). */
  at: number;
  origin: RequestOrigin;
  /** The origin as the admin printed it, for display. */
  originText: string;
  /** "Password changed: Yes". */
  changed: boolean;
  /** Row index in the table as the admin rendered it (0 = first data row); for highlighting. */
  row: number;
}

/** The kinds of e-mail the rules care about; everything else is `other`. */
export type EmailKind = 'new-password' | 'other';

/** One row of the admin's E-mail History. */
export interface HistoryEmail {
  at: number;
  kind: EmailKind;
  /** The type as the admin printed it ("New Password", "Neues Passwort", ...), for display. */
  typeText: string;
  subject: string;
  recipient: string;
  /** Row index in the table as the admin rendered it (0 = first data row). */
  row: number;
}

/** A customer account as found in a list page's search results (one per shop). */
export interface CustomerRef {
  email: string;
  name: string;
  shop: string;
  /** The customer's language as the admin shows it (its Language field), where it shows one. */
  language?: 'en' | 'de';
}
