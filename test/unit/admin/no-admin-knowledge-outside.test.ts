// @vitest-environment node
/**
 * Only src/admin/ may know the admin: its labels (both languages) and its URL paths (/cms/...).
 * Scans the string literals (and JSX text) of every other file under src/ with the TypeScript parser
 * and fails naming the file and the label when:
 *  - a literal IS a label as the admin spells it (whitespace collapsed; case-sensitive, so our own
 *    lower-case enums like 'customer' or 'save' pass) — that is how code
 *    would look an admin element up by its text ("Save", "E-mail History", "Anzeigen");
 *  - a literal contains a German label phrase (multi-word/hyphenated, e.g. "Passwort-Historie") —
 *    German labels are guesses that must stay correctable in one place;
 *  - a literal contains "/cms/".
 * English prose that merely mentions an admin section to the agent ("confirmed in the E-mail
 * History") or common words ("e-mail", "new password", "Web Player") is allowed: flagging every
 * sentence would make the test useless.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allDefaultLabelTexts } from '../../../src/admin/labels';

const ROOT = join(__dirname, '..', '..', '..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(ts|tsx|js|jsx|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

/** String literals of a file; `whole` is false for the pieces of a template with substitutions. */
function literals(file: string): { text: string; whole: boolean }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: { text: string; whole: boolean }[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isJsxText(n)) out.push({ text: n.text, whole: true });
    else if (ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) out.push({ text: n.text, whole: false });
    // Import specifiers are module names, not texts.
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const norm = (t: string) => t.replace(/\s+/gu, ' ').trim().toLowerCase();

export function findViolations(): string[] {
  const labels = allDefaultLabelTexts();
  // Case-sensitive, as the admin spells it: lower-case identifiers ('customer', 'save') are our own enums.
  const squash = (t: string) => t.replace(/\s+/gu, ' ').trim();
  const exact = new Map(labels.map((l) => [squash(l.text), l.text]));
  const englishTexts = new Set(labels.filter((l) => l.lang === 'en').map((l) => norm(l.text)));
  const germanPhrases = [...new Set(labels.filter((l) => l.lang === 'de' && /[\s-]/.test(l.text.trim()) && !englishTexts.has(norm(l.text))).map((l) => l.text))];
  const phraseRes = germanPhrases.map((p) => ({ p, re: new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(p)}($|[^\\p{L}\\p{N}])`, 'iu') }));
  const violations: string[] = [];
  for (const file of files(SRC)) {
    const rel = relative(ROOT, file).split(sep).join('/');
    if (rel.startsWith('src/admin/')) continue;
    for (const { text: lit, whole } of literals(file)) {
      if (/\/cms\//i.test(lit)) violations.push(`${rel}: admin URL path in ${JSON.stringify(lit)}`);
      const label = whole ? exact.get(squash(lit)) : undefined;
      if (label !== undefined) violations.push(`${rel}: admin label "${label}" as a literal`);
      for (const { p, re } of phraseRes) if (re.test(lit)) violations.push(`${rel}: German admin label "${p}" in ${JSON.stringify(lit)}`);
    }
  }
  return violations;
}

describe('no admin knowledge outside src/admin', () => {
  it('no other file under src/ contains admin labels or /cms/ paths', () => {
    expect(findViolations()).toEqual([]);
  });
});
