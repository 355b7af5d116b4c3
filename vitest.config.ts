import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  test: {
    reporters: ['default', './test/summaryReporter.ts'],
    projects: [
      {
        plugins: [preact()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/globalSetup.ts'],
          // Four files at a time, each with its own Chromium, profile and simulator (they share
          // nothing). The e2e run is mostly waiting (admin latency, our own timeouts, the fault
          // matrix's late recount): with two files at a time it kept the 2 cores about a quarter
          // busy. The fault matrix is split into five files so that no one file is the tail.
          fileParallelism: true,
          maxWorkers: 4,
          sequence: { groupOrder: 1 },
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
