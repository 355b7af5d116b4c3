/**
 * The customer a user or customer page is about, for the steps and in-page help that need it: a
 * page that names nobody is an error that says where we looked, never a quiet "nothing to do".
 */
import { AdminError, type PageKind } from './errors';
import { readUserPageEmail } from './userPage';

export function requireCustomerEmail(doc: Document, page: PageKind, step: string): string {
  const email = readUserPageEmail(doc);
  if (!email) throw new AdminError({ code: 'not-found', page, step, detail: 'the page names no customer e-mail (in its title, a heading, a breadcrumb or the E-mail field)' });
  return email;
}
