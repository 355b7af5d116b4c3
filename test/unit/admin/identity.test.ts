// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { AdminError, labelsFor, readPageIdentity, readUserPageEmail } from '../../../src/admin';

function page(title: string, body: string): Document {
  document.title = title;
  document.body.innerHTML = body;
  return document;
}

describe('identity: wherever the page names its customer', () => {
  it.each([
    ['an h5 heading', '', '<h5>User anna@example.com</h5>', 'heading'],
    ['a role=heading', '', '<div role="heading" aria-level="2">anna@example.com</div>', 'heading'],
    ['a title box', '', '<div><div>Benutzer anna@example.com</div><p>Some text</p></div>', 'heading'],
    ['the browser title', 'User anna@example.com - Admin', '<h1>User</h1>', 'browser-title'],
    ['a text breadcrumb', '', '<div>Support &gt; Incoming requests &gt; anna@example.com</div>', 'breadcrumb'],
    ['a German list breadcrumb', '', '<ol><li><a>Verkauf</a></li><li><a>Kunden</a></li><li>anna@example.com</li></ol>', 'breadcrumb'],
    ['an aria-current entry', '', '<nav><a>Home</a> <span aria-current="page">anna@example.com</span></nav>', 'breadcrumb'],
    ['a caption and value', '', '<table><tr><th>E-Mail</th><td>anna@example.com</td></tr><tr><th>Name</th><td>Anna</td></tr></table>', 'field'],
    ['a caption with a colon', '', '<dl><dt>E-mail:</dt><dd>anna@example.com</dd></dl>', 'field'],
    ['a labelled input', '', '<form><label for="e">Email</label><input id="e" value="anna@example.com"></form>', 'field'],
  ])('reads %s', (_what, title, body, place) => {
    const { email, sources } = readPageIdentity(page(title, body));
    expect(email).toBe('anna@example.com');
    expect(sources.map((s) => s.place)).toContain(place);
  });

  it('ignores dialogs, hidden boxes, column headers and an address in ordinary text', () => {
    const doc = page('Admin', '<dialog open><h3>ben@example.com</h3><table><tr><th>E-mail</th><td>ben@example.com</td></tr></table></dialog>' +
      '<div hidden><h2>carl@example.com</h2></div>' +
      '<table><thead><tr><th>E-mail</th><th>Shop</th></tr></thead><tbody><tr><td>dora@example.com</td><td>X</td></tr></tbody></table>' +
      '<p>Write to help@example.com</p>');
    expect(readPageIdentity(doc)).toEqual({ email: null, sources: [] });
  });

  it('several places that agree (case and spacing aside) give one e-mail', () => {
    const doc = page('User Anna@Example.com - Admin', '<h1>User anna@example.com</h1><table><tr><th>E-mail</th><td> anna@example.com </td></tr></table>');
    const id = readPageIdentity(doc, labelsFor('de'), 'user');
    expect(id.email?.toLowerCase()).toBe('anna@example.com');
    expect(id.sources.map((s) => s.place)).toEqual(['heading', 'browser-title', 'field']);
  });

  it('two places that disagree stop with identity-conflict naming both', () => {
    const doc = page('User anna@example.com - Admin', '<h1>User anna@example.com</h1><form><label for="e">E-mail</label><input id="e" value="johanna@example.com"></form>');
    let error: unknown;
    try {
      readUserPageEmail(doc, labelsFor('en'), 'customer');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AdminError);
    expect(error).toMatchObject({ code: 'identity-conflict', page: 'customer', detail: 'the h1 heading says anna@example.com, the E-mail field says johanna@example.com' });
    expect((error as Error).message).toMatch(/names two different customers/);
  });
});
