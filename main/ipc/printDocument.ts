/**
 * `documents.print` in the Electron shell: prepare → print → confirm, or nothing logged. The services name the
 * file (`documents.preparePrint`, no row written); the printer shows it and runs the system print dialog; only
 * when the dialog reports that it printed is `documents.confirmPrinted` called, which writes the print-log row
 * and moves a draft contract to printed. No electron here: main/app passes the real printer (preview window +
 * webContents.print), tests a fake one, and both go through the same handler table for the rest.
 */
import path from 'node:path';
import { buildApi } from '../../shared/api/client';
import type { PrintOutcome } from '../../shared/api/documents';
import { fail, ok, type Result } from '../../shared/api/result';
import { parseInput } from './parseInput';

/** How the shell reaches the services: the worker client's `call`, or `dispatch` on a context in tests. */
export type Call = (channel: string, input: unknown) => Promise<Result<unknown>>;

export interface PrinterOutcome {
  printed: boolean;
  /** Why not: the user cancelled, or the printer failed (Electron's reason). */
  failure?: string;
}

/** The operating system's printer, as the shell sees it. */
export interface Printer {
  /** Shows `file` and prints `copies` of it; resolves once the print dialog has closed. */
  print(file: string, job: { copies: number; title: string }): Promise<PrinterOutcome>;
}

export async function printDocument(
  call: Call,
  dataDir: string,
  printer: Printer,
  rawInput: unknown,
): Promise<Result<PrintOutcome>> {
  const parsed = parseInput('documents.print', rawInput);
  if (!parsed.ok) return parsed;
  const { target, copies } = parsed.value;
  const api = buildApi(call);
  const plan = await api.documents.preparePrint({ target });
  if (!plan.ok) return plan;

  let outcome: PrinterOutcome;
  try {
    outcome = await printer.print(path.join(dataDir, plan.value.path), { copies, title: plan.value.title });
  } catch (error) {
    console.error('[print] the printer failed', error);
    outcome = { printed: false, failure: error instanceof Error ? error.message : String(error) };
  }
  if (!outcome.printed) {
    return ok({ printed: false, reason: `未打印（${outcome.failure || '已取消'}），未记录打印。` });
  }

  const record = await api.documents.confirmPrinted({ target, sha256: plan.value.sha256, copies });
  if (!record.ok) {
    // The paper is out but the log refused it: say both, so the clerk neither reprints blindly nor forgets it.
    return fail({ ...record.error, message: `已打印 ${copies} 份，但未能记录打印：${record.error.message}` });
  }
  return ok({ printed: true, record: record.value });
}

/**
 * The shell's transport: `documents.print` runs here, beside the printer; every other channel goes to the
 * services as it came.
 */
export function withPrinter(call: Call, dataDir: string, printer: Printer): Call {
  return (channel, input) =>
    channel === 'documents.print' ? printDocument(call, dataDir, printer, input) : call(channel, input);
}
