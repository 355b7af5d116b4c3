/**
 * Ends every vitest run with plain lines that CI and people read the same way whatever vitest's own
 * summary looks like: "Tests: N passed, N failed, N skipped", and, when the fault matrix ran, its
 * counters with what each one covers (each matrix file leaves its tally in FAULT_TALLY_DIR; they run
 * in workers, this reporter in the main process).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export const FAULT_TALLY_DIR = resolve('node_modules/.cache/reset-desk-fault-matrix');

/** What a matrix file leaves behind (faults*.test.ts). */
export interface FaultTally {
  file: string;
  full: boolean;
  run: number;
  passed: number;
  knownBugs: string[];
  failed: string[];
  duplicateSends: number;
  silentFailures: number;
  passwordsFound: number;
  passwordsSearched: number;
  lateWindowMs: number;
}

export function faultMatrixLines(tallies: FaultTally[]): string[] {
  const sum = (k: 'run' | 'passed' | 'duplicateSends' | 'silentFailures' | 'passwordsFound' | 'passwordsSearched') => tallies.reduce((n, t) => n + t[k], 0);
  const bugs = tallies.flatMap((t) => t.knownBugs);
  const failed = tallies.flatMap((t) => t.failed);
  const window = Math.max(...tallies.map((t) => t.lateWindowMs)) / 1000;
  return [
    `Fault matrix (${tallies.every((t) => t.full) ? 'full' : 'core subset'}): ${sum('run')} cases, ${sum('passed')} passed, ${bugs.length} known bugs, ${failed.length} failed`,
    `  duplicate sends ${sum('duplicateSends')}: a reset token in the outbox twice, counted at each case's end and again ${window} s later, before the next case resets`,
    `  silent failures ${sum('silentFailures')}: a run ended and the popup or the page did not show that run's own outcome (its error, notice or card)`,
    `  passwords found ${sum('passwordsFound')}: ${sum('passwordsSearched')} passwords (every case, failures included) searched in chrome.storage local/session/sync, ` +
      `Web Storage, IndexedDB and CacheStorage of the extension and the admin, and every profile file, as plaintext, UTF-16, JSON, base64, hex and URL-encoded`,
    `  known bugs (hard checks held, verdict wrong): ${bugs.length ? bugs.join(' | ') : 'none'}`,
    ...(failed.length ? [`  failed: ${failed.join(' | ')}`] : []),
  ];
}

export default class SummaryReporter implements Reporter {
  onInit(): void {
    rmSync(FAULT_TALLY_DIR, { recursive: true, force: true });
    mkdirSync(FAULT_TALLY_DIR, { recursive: true });
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    const tallies: FaultTally[] = [];
    try {
      for (const f of readdirSync(FAULT_TALLY_DIR)) if (f.endsWith('.json')) tallies.push(JSON.parse(readFileSync(join(FAULT_TALLY_DIR, f), 'utf8')) as FaultTally);
    } catch {
      // No matrix file ran in this run (the folder is made in onInit, so only a run without it lands here).
    }
    if (tallies.length) console.log(`\n${faultMatrixLines(tallies).join('\n')}`);
    console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
