/**
 * Kill -9 test: a writer process (killWriter.ts) creates and advances applications through the handler table on a
 * real hall store and is killed with SIGKILL at a random moment, again and again on the same data folder. After
 * each kill the store is reopened (as the next start of the app would) and checked:
 *   - every acknowledged write is there (an ack is printed only after the call returned, i.e. after COMMIT);
 *   - PRAGMA integrity_check says ok;
 *   - the audit chain verifies (verifyAudit, what `yekuo audit verify` runs).
 * At the end `yekuo audit verify` itself runs on the folder.
 *
 * Full run (figures in docs/benchmarks.md): npx tsx test/fault/killNine.ts --trials 200
 * CI runs a few trials: test/integration/killNine.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { DATABASE_FILE, openDatabase } from '../../main/db/connection';
import { verifyAudit } from '../../main/services/audit';
import { Prng } from '../../main/services/demo/prng';
import { addCliAdmin, cliAdminEnv } from '../integration/store/cliRunner';
import { HALL, openStore } from '../integration/store/storeFixture';

export interface KillTrialsOptions {
  trials: number;
  seed?: number;
  /** Longest run of the writer after it is ready, in ms; the kill falls uniformly in [0, this]. */
  maxRunMs?: number;
  /** Every n-th trial is killed while the writer is still starting (opening the store). */
  startupKillEvery?: number;
  log?: (line: string) => void;
}

export interface KillTrialsReport {
  trials: number;
  killedWhileStarting: number;
  acknowledgedCreates: number;
  acknowledgedMoves: number;
  lostAcknowledged: number;
  integrityFailures: number;
  auditFailures: number;
  writerCrashes: number;
  applications: number;
  auditEntries: number;
  cliAuditVerify: { code: number; stdout: string };
  seconds: number;
  problems: string[];
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The writer is bundled once with esbuild: under tsx every start would transform a hundred files, and a kill
 * should land while it writes, not while it compiles.
 */
async function bundleWriter(outDir: string): Promise<string> {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const outfile = path.join(outDir, 'killWriter.cjs');
  await build({
    entryPoints: [path.join(root, 'test/fault/killWriter.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // resourceDir's import.meta warning: the writer makes no PDFs.
    logLevel: 'error',
    external: Object.keys(pkg.dependencies),
    // The bundle sits outside the repository; external packages resolve from ours.
    nodePaths: [path.join(root, 'node_modules')],
  });
  return outfile;
}

interface TrialOutcome {
  acks: string[];
  killedWhileStarting: boolean;
  crashed: string | null;
}

function runWriterUntilKilled(writer: string, dir: string, seed: number, killAfterMs: number, whileStarting: boolean) {
  return new Promise<TrialOutcome>((resolve) => {
    const child = spawn(process.execPath, [writer, dir, String(seed)], {
      cwd: root,
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    if (whileStarting) setTimeout(kill, killAfterMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const wasReady = stdout.includes('ready\n');
      stdout += chunk;
      if (!whileStarting && !wasReady && stdout.includes('ready\n')) setTimeout(kill, killAfterMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', () => {
      const lines = stdout.split('\n');
      // A line cut by the kill (no newline yet) is no acknowledgement.
      lines.pop();
      resolve({
        acks: lines.filter((line) => line !== 'ready'),
        killedWhileStarting: !lines.includes('ready'),
        crashed: killed ? null : `writer ended by itself: ${stderr.slice(0, 500)}`,
      });
    });
  });
}

export async function runKillTrials(options: KillTrialsOptions): Promise<KillTrialsReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const rng = new Prng(options.seed ?? 20261204);
  const maxRunMs = options.maxRunMs ?? 600;
  const startupKillEvery = options.startupKillEvery ?? 10;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-kill9-'));
  // An initialised hall (the fixture's), then only the writer touches the folder between checks.
  const store = openStore();
  await addCliAdmin(store.ctx('admin'));
  store.closeDatabase();
  const dir = store.dir;
  const report: KillTrialsReport = {
    trials: 0,
    killedWhileStarting: 0,
    acknowledgedCreates: 0,
    acknowledgedMoves: 0,
    lostAcknowledged: 0,
    integrityFailures: 0,
    auditFailures: 0,
    writerCrashes: 0,
    applications: 0,
    auditEntries: 0,
    cliAuditVerify: { code: -1, stdout: '' },
    seconds: 0,
    problems: [],
  };
  const problem = (text: string) => {
    if (report.problems.length < 50) report.problems.push(text);
  };
  try {
    const writer = await bundleWriter(work);
    for (let trial = 1; trial <= options.trials; trial++) {
      const whileStarting = trial % startupKillEvery === 0;
      const killAfterMs = whileStarting ? rng.int(0, 150) : rng.int(0, maxRunMs);
      const outcome = await runWriterUntilKilled(writer, dir, rng.int(1, 2 ** 31), killAfterMs, whileStarting);
      report.trials++;
      if (outcome.killedWhileStarting) report.killedWhileStarting++;
      if (outcome.crashed) {
        report.writerCrashes++;
        problem(`trial ${trial}: ${outcome.crashed}`);
      }

      const db = openDatabase(path.join(dir, DATABASE_FILE));
      try {
        const integrity = db.pragma('integrity_check', { simple: true });
        if (integrity !== 'ok') {
          report.integrityFailures++;
          problem(`trial ${trial}: integrity_check ${String(integrity)}`);
        }
        const audit = verifyAudit(db);
        if (!audit.ok) {
          report.auditFailures++;
          problem(`trial ${trial}: audit ${JSON.stringify(audit.firstBad)}`);
        }
        const created = db.prepare('SELECT 1 FROM applications WHERE number = ?').pluck();
        const moved = db
          .prepare(
            `SELECT 1 FROM stage_events e JOIN applications a ON a.id = e.application_id
             WHERE a.number = ? AND e.to_stage = ? AND e.action = 'advance'`,
          )
          .pluck();
        for (const ack of outcome.acks) {
          const [kind, number, stage] = ack.split(' ');
          const present = kind === 'C' ? created.get(number) : moved.get(number, stage);
          if (kind === 'C') report.acknowledgedCreates++;
          else report.acknowledgedMoves++;
          if (!present) {
            report.lostAcknowledged++;
            problem(`trial ${trial}: acknowledged but missing: ${ack}`);
          }
        }
        report.applications = db.prepare('SELECT count(*) FROM applications').pluck().get() as number;
        report.auditEntries = audit.checked;
      } finally {
        db.close();
      }
      if (trial % 10 === 0 || trial === options.trials) {
        log(
          `trial ${trial}/${options.trials}: ${report.acknowledgedCreates} creates + ${report.acknowledgedMoves} moves acknowledged, ` +
            `${report.lostAcknowledged} lost, ${report.integrityFailures} integrity and ${report.auditFailures} audit failures`,
        );
      }
    }
    const cli = spawnSync(process.execPath, [path.join(root, 'bin/yekuo.mjs'), '--data', dir, 'audit', 'verify'], {
      encoding: 'utf8',
      timeout: 300_000,
      env: cliAdminEnv(),
    });
    report.cliAuditVerify = { code: cli.status ?? -1, stdout: cli.stdout.trim() };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    store.close();
  }
  report.seconds = Math.round((Date.now() - started) / 1000);
  return report;
}

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const report = await runKillTrials({
    trials: Number(argValue('--trials') ?? 200),
    seed: Number(argValue('--seed') ?? 20261204),
    log: (line) => console.log(line),
  });
  console.log(`hall ${HALL.code}, node ${process.version}, ${os.cpus().length} CPUs`);
  console.log(JSON.stringify(report, null, 2));
  const failed =
    report.lostAcknowledged + report.integrityFailures + report.auditFailures + report.writerCrashes > 0 ||
    report.cliAuditVerify.code !== 0;
  process.exitCode = failed ? 1 : 0;
}
