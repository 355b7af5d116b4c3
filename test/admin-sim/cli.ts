/**
 * Run the simulated admin from the command line:
 *   tsx test/admin-sim/cli.ts --port 8787 [--control] [--variant modern] [--lang de]
 *     [--date-format de-DE] [--tz America/New_York] [--latency 150] [--load-latency 600 | 200,3000]
 *     [--load-failure never|once|always|0.3] [--session-ttl 60000] [--rename "emailHistory=Mail Log"]
 *     [--fail send:once,user:always] [--broken-dates] [--host 0.0.0.0]
 *     [--quirk partial-translation,split-name] [--foreign search] [--name-column split] ... (README.md)
 *   tsx test/admin-sim/cli.ts --from-report test/fixtures/reports/FILE.json [--port 8787]
 *     serves a saved layout report as a page (fromReport.ts), at every path.
 *     [--after-effect send:hang,save:drop] [--history-lists-sent at-once|never|20] [--refuse-save once] [--admin-wording]
 */
import { configFromStrings, DEMO_LOGIN, startSimulator } from './server.js';
import { serveReport } from './fromReport.js';

/** A taken port says so and how to pick another, instead of the bare listen error. */
function failed(e: unknown): never {
  if ((e as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE') {
    console.error(`admin-sim: port ${port} is already in use (another simulator or demo?). Pick another: --port ${port + 1}, or --port 0 for any free port.`);
  } else {
    console.error(`admin-sim: ${(e as Error).message}`);
  }
  process.exit(1);
}

const args = process.argv.slice(2);
let port = 8787;
let host: string | undefined;
const entries: [string, string][] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (!a.startsWith('--')) { console.error(`unexpected argument: ${a}`); process.exit(2); }
  let [key, value] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
  const flag = key === 'control' || key === 'broken-dates' || key === 'brokenDates' || key === 'admin-wording' || key === 'adminWordingInData';
  if (value === undefined && !flag) value = args[++i];
  if (value === undefined) value = 'true';
  if (key === 'help' || key === 'h') { console.log('see the header of test/admin-sim/cli.ts and test/admin-sim/README.md'); process.exit(0); }
  if (key === 'port') port = Number(value);
  else if (key === 'host') host = value;
  else entries.push([key, value]);
}

const reportAt = entries.findIndex(([k]) => k === 'from-report' || k === 'fromReport');
if (reportAt >= 0) {
  const file = entries[reportAt]![1];
  try {
    const served = await serveReport(file, port, host);
    console.log(`Layout report ${file}: ${served.url}/ (every path serves the page; placeholders filled with made-up values)`);
    const stop = () => { void served.close().then(() => process.exit(0)); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    failed(e);
  }
} else try {
  const sim = await startSimulator({ ...configFromStrings(entries), port, ...(host ? { host } : {}) });
  const c = sim.config;
  console.log(`Simulated FlickRocket admin: ${sim.url}/  (variant ${c.variant}, ${c.lang}, ${c.dateFormat}, ${c.timeZone})`);
  console.log(`Login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  console.log(c.control ? `Control API: ${sim.url}/__sim/ (see test/admin-sim/README.md)` : 'Control API: off (--control to enable)');
  const stop = () => { void sim.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  failed(e);
}
