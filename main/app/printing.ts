/**
 * Print preview and printing of generated documents (issue 5): the real printer behind `documents.print`
 * (main/ipc/printDocument.ts prepares the file, calls this printer and logs the print only when the system
 * print dialog reports that it printed). The stored PDF opens in its own window with Chromium's PDF viewer;
 * printing goes through the system print dialog with the number of copies preset. Calling
 * webContents.print() on a PDF page printed blank until electron/electron#43309 (fixed in 30+); we ship 45.
 * In the web harness there is no printer: the renderer downloads the file and the clerk confirms the print.
 */
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import type { Printer, PrinterOutcome } from '../ipc/printDocument';
import { denyAllPermissions, hardenWebContents } from './security';
import { isTrustedUrl } from '../security/trustedUrl';

// Its own session: the main window's CSP (object-src 'none') would block the PDF viewer plugin.
const PREVIEW_PARTITION = 'pdf-preview';

export function openPdfPreview(parent: BrowserWindow | null, file: string, title: string): BrowserWindow {
  const url = pathToFileURL(file).href;
  // Its own session starts with Electron's default: every permission granted. A PDF needs none.
  denyAllPermissions(session.fromPartition(PREVIEW_PARTITION));
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
      // A middle click would open a link in a new window (auxclick); the window-open handler denies it anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // The preview may show this one file and nothing else.
  hardenWebContents(preview.webContents, (target) => isTrustedUrl(target, url));
  // No viewer toolbar: its own print and download buttons would put paper out that the print log never sees.
  void preview.loadURL(`${url}#toolbar=0`);
  return preview;
}

function loaded(preview: BrowserWindow): Promise<void> {
  return new Promise((resolve, reject) => {
    preview.webContents.once('did-finish-load', () => resolve());
    preview.webContents.once('did-fail-load', (_event, _code, description) =>
      reject(new Error(`预览无法打开文件：${description}`)),
    );
  });
}

export function printPdf(preview: BrowserWindow, copies: number): Promise<PrinterOutcome> {
  return new Promise((resolve) => {
    preview.webContents.print({ copies, silent: false, pageSize: 'A4' }, (printed, failure) =>
      resolve(printed ? { printed } : { printed, failure }),
    );
  });
}

/**
 * The system printer: the preview opens, the print dialog comes up over it with the copies preset, and the
 * preview closes when the dialog does, printed or not (a later print goes through `documents.print` again).
 */
export function electronPrinter(parent: () => BrowserWindow | null): Printer {
  return {
    async print(file, { copies, title }) {
      const preview = openPdfPreview(parent(), file, title);
      try {
        await loaded(preview);
        return await printPdf(preview, copies);
      } finally {
        if (!preview.isDestroyed()) preview.close();
      }
    },
  };
}
