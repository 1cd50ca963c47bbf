/**
 * Print preview and printing of generated documents (issue 5). The stored PDF opens in its own window with
 * Chromium's PDF viewer; printing goes through the system print dialog with the number of copies preset.
 * Calling webContents.print() on a PDF page printed blank until electron/electron#43309 (fixed in 30+); we
 * ship 45. Not wired yet: the shell should call contracts.markPrinted (which returns the file, the 副本 for a
 * signed contract, and writes the print log) and then `printPdf`; in the web harness a download replaces it.
 */
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import { hardenWebContents } from './security';

// Its own session: the main window's CSP (object-src 'none') would block the PDF viewer plugin.
const PREVIEW_PARTITION = 'pdf-preview';

export function openPdfPreview(parent: BrowserWindow | null, file: string, title: string): BrowserWindow {
  const url = pathToFileURL(file).href;
  const preview = new BrowserWindow({
    ...(parent ? { parent } : {}),
    width: 900,
    height: 1100,
    title,
    webPreferences: {
      plugins: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      partition: PREVIEW_PARTITION,
    },
  });
  // The preview may show this one file and nothing else.
  hardenWebContents(preview.webContents, url);
  void preview.loadURL(url);
  return preview;
}

export interface PrintOutcome {
  printed: boolean;
  /** Electron's reason when the user cancelled or the printer failed. */
  failure?: string;
}

export function printPdf(preview: BrowserWindow, copies: number): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    preview.webContents.print({ copies, silent: false, pageSize: 'A4' }, (printed, failure) =>
      resolve(printed ? { printed } : { printed, failure }),
    );
  });
}
