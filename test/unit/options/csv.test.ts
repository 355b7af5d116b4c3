// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { activityCsv, csvCell, filterActivity, toCsv } from '../../../src/options/csv';
import type { ActivityEntry } from '../../../src/shared/activityLog';

describe('CSV', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell('')).toBe('');
  });

  it('guards cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('anna@example.com')).toBe('anna@example.com');
  });

  it('joins rows with CRLF and ends with one', () => {
    expect(toCsv([['a', 'b'], ['c', 'd,e']])).toBe('a,b\r\nc,"d,e"\r\n');
  });

  const entries: ActivityEntry[] = [
    { at: Date.UTC(2026, 10, 27, 14, 4, 5), action: 'resend', email: 'anna@example.com', shop: 'Movie, Shop', outcome: 'sent' },
    { at: Date.UTC(2026, 10, 27, 15, 0, 0), action: 'lookup', email: '=cmd@evil.example', shop: 'Shop "A"', outcome: 'failed: not-found' },
  ];

  it('exports the activity log with a header, UTC times and every field', () => {
    expect(activityCsv(entries)).toBe(
      'time (UTC),action,email,shop,outcome\r\n' +
        '2026-11-27T14:04:05.000Z,resend,anna@example.com,"Movie, Shop",sent\r\n' +
        '2026-11-27T15:00:00.000Z,lookup,\'=cmd@evil.example,"Shop ""A""",failed: not-found\r\n',
    );
  });

  it('filters by e-mail, case-insensitively, by substring', () => {
    expect(filterActivity(entries, ' ANNA ').map((e) => e.email)).toEqual(['anna@example.com']);
    expect(filterActivity(entries, '')).toHaveLength(2);
    expect(filterActivity(entries, 'nobody')).toEqual([]);
  });
});
