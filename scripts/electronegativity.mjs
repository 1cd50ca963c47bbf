// Electronegativity (Doyensec's Electron security scanner) over main/ and renderer/, offline, as part of `npm test`.
// The tool exits 0 whatever it finds, so this script decides: every HIGH or MEDIUM finding must be justified, one
// by one, in the table of docs/security.md (check id + file), and every justification must still match a finding.
// The findings are also written as CSV to out/electronegativity.csv for the record.
//
// Why not its CLI: dist/index.js needs commander 2 but requires whatever commander is hoisted (ours is 14, where
// `program.version` is no function), and its CSV writer appends the rows while the header is still being written.
// The runner it calls is used directly instead, with the same options.
//
// Offline: at start it fetches translations (S3) and Electron's release list (GitHub) with `got`. Both requests are
// refused here before they leave the process, with an error code got does not retry, so the run takes seconds;
// the release list only feeds the "newer Electron has security fixes" note, which Dependabot-style updates cover.
//
// Usage: node scripts/electronegativity.mjs [--justifications FILE] [DIR ...]   (defaults: docs/security.md main renderer)
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

function refuseNetwork() {
  const error = new Error('Electronegativity runs offline in CI: network access is blocked');
  error.code = 'ERR_NETWORK_BLOCKED';
  throw error;
}
for (const module of [http, https]) {
  module.request = refuseNetwork;
  module.get = refuseNetwork;
}
globalThis.fetch = async () => refuseNetwork();
// Its locale comes from LANG ("C.UTF-8" has no translation file and leaves every message empty).
process.env.LANG = 'en-US';

const require = createRequire(import.meta.url);
const runnerModule = require('@doyensec/electronegativity/dist/runner.js');
const run = runnerModule.default ?? runnerModule;

const args = process.argv.slice(2);
let justificationsFile = 'docs/security.md';
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--justifications') justificationsFile = args[++i];
  else dirs.push(args[i]);
}
if (dirs.length === 0) dirs.push('main', 'renderer');

const BLOCKING = new Set(['HIGH', 'MEDIUM']);
const START = '<!-- electronegativity:start -->';
const END = '<!-- electronegativity:end -->';

/** Rows of the justification table: | CHECK_ID | file | severity | why | → "CHECK_ID file". */
function readJustifications(file) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return new Map();
  const rows = new Map();
  for (const line of text.slice(start + START.length, end).split('\n')) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim().replace(/^`|`$/g, ''));
    if (cells.length < 4 || !/^[A-Z0-9_]+$/.test(cells[0])) continue;
    const [check, where, , why] = cells;
    if (why) rows.set(`${check} ${where}`, why);
  }
  return rows;
}

function csvCell(value) {
  return `"${String(value ?? 'N/A').replace(/"/g, '""')}"`;
}

// The global checks (navigation limits, permission handler, CSP) look at all files at once, so the folders are
// scanned as one tree, each under its own name.
const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-electronegativity-'));
try {
  for (const dir of dirs) {
    fs.cpSync(dir, path.join(tree, path.basename(dir)), {
      recursive: true,
      filter: (source) => !source.split(path.sep).includes('node_modules'),
    });
  }
  const electronVersion = JSON.parse(fs.readFileSync('package.json', 'utf8')).devDependencies.electron;
  const result = await run(
    {
      input: tree,
      isSarif: false,
      customScan: [],
      excludeFromScan: [],
      isRelative: false,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  const unparsed = result.errors.filter((error) => !error.tolerable);
  const findings = result.issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file === 'N/A' ? 'N/A' : path.relative(tree, issue.file).split(path.sep).join('/'),
    location: `${issue.location.line}:${issue.location.column}`,
    sample: issue.sample,
    description: issue.description,
  }));

  fs.mkdirSync('out', { recursive: true });
  const header = 'issue,severity,confidence,filename,location,sample,description';
  const csv = findings.map((f) =>
    [f.check, f.severity, f.confidence, f.file, f.location, f.sample, f.description].map(csvCell).join(','),
  );
  fs.writeFileSync('out/electronegativity.csv', [header, ...csv].join('\n') + '\n');

  const justified = readJustifications(justificationsFile);
  const blocking = findings.filter((f) => BLOCKING.has(f.severity));
  const unjustified = blocking.filter((f) => !justified.has(`${f.check} ${f.file}`));
  const found = new Set(blocking.map((f) => `${f.check} ${f.file}`));
  const stale = [...justified.keys()].filter((key) => !found.has(key));

  const counts = Object.fromEntries(['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'].map((s) => [s, 0]));
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  console.log(
    `Electronegativity ${result.globalChecks + result.atomicChecks} checks over ${dirs.join(', ')}: ` +
      Object.entries(counts)
        .map(([severity, n]) => `${n} ${severity}`)
        .join(', ') +
      ` (${blocking.length - unjustified.length} of ${blocking.length} HIGH/MEDIUM justified in ${justificationsFile}); out/electronegativity.csv`,
  );
  for (const f of unjustified) {
    console.error(`unjustified ${f.severity}: ${f.check} ${f.file}:${f.location} ${f.sample ?? ''} — ${f.description}`);
  }
  for (const key of stale) console.error(`stale justification (no such finding any more): ${key}`);
  for (const error of unparsed) console.error(`not scanned: ${error.file}: ${error.message}`);
  if (unjustified.length || stale.length || unparsed.length) process.exitCode = 1;
} finally {
  fs.rmSync(tree, { recursive: true, force: true });
}
