/**
 * A saved layout report (src/admin/layoutReport.ts) served as a page: the markup is rebuilt from the
 * snapshot and every placeholder gets a made-up value of its type ({email:2} -> customer2@example.invalid,
 * {date:99.99.9999 99:99} -> 01.01.2026 01:01), so the adapter can be run against a real admin's
 * layout without any of its data. `npm run sim -- --from-report FILE`.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { LayoutReport, ReportNode } from '../../src/admin/layoutReport';
import { esc } from './render/html.js';

const VOID = new Set(['area', 'br', 'col', 'hr', 'img', 'input', 'wbr', 'source', 'track']);
const LOREM = 'Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore ';

/** A made-up value for each placeholder in `text`. */
export function fillPlaceholders(text: string): string {
  return text.replace(/\{(email|date|number|token|url|text)(?::([^}]*))?\}/gu, (_m, type: string, arg = '') => {
    switch (type) {
      case 'email': return `customer${arg || '1'}@example.invalid`;
      // Each digit run by its length: a 4-digit run is a year, others 1 / 01 (a valid day, month, hour).
      case 'date': return arg.replace(/9+/gu, (run: string) => (run.length === 4 ? '2026' : run.length === 1 ? '1' : '0'.repeat(run.length - 1) + '1'));
      case 'number': return '1'.repeat(Math.max(1, Number(arg) || 1));
      case 'token': return 'tok_0123456789abcdef';
      case 'url': return 'https://example.invalid/';
      default: {
        const n = Math.max(1, Number(arg) || 1);
        return LOREM.repeat(Math.ceil(n / LOREM.length)).slice(0, n).trimEnd().padEnd(n, 'x');
      }
    }
  });
}

function render(n: ReportNode | string): string {
  if (typeof n === 'string') return esc(fillPlaceholders(n));
  const attrs = Object.entries(n.a ?? {}).map(([k, v]) => {
    const value = k === 'href' ? (v === '{url}' ? '/report-link' : v) : fillPlaceholders(v);
    return ` ${k}="${esc(value)}"`;
  }).join('');
  if (VOID.has(n.t)) return `<${n.t}${attrs}>`;
  return `<${n.t}${attrs}>${(n.c ?? []).map(render).join('')}</${n.t}>`;
}

/** The page a report describes, as HTML. */
export function pageFromReport(report: LayoutReport): string {
  if ((report as { format?: unknown }).format !== 'reset-desk-layout-report') throw new Error('not a Reset Desk layout report (format)');
  const lang = report.htmlLang ? ` lang="${esc(report.htmlLang)}"` : '';
  return `<!doctype html><html${lang}><head><meta charset="utf-8"><title>${esc(fillPlaceholders(report.title))}</title></head>${render(report.body)}</html>`;
}

export function readReport(file: string): LayoutReport {
  return JSON.parse(readFileSync(file, 'utf8')) as LayoutReport;
}

/** Serves the report's page at every path (forms and links lead back to it). */
export async function serveReport(file: string, port = 0, host = '127.0.0.1'): Promise<{ url: string; close(): Promise<void> }> {
  const html = pageFromReport(readReport(file));
  const server = http.createServer((req, res) => {
    if (req.url === '/favicon.ico') { res.writeHead(204); res.end(); return; }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, host, () => resolve()); });
  const { port: p } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${p}`,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
