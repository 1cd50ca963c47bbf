/**
 * Electron main process: one window, one instance, the handler table behind IPC.
 * The only folder that imports `electron`; everything it calls also runs under plain Node (CLI, harness, tests).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Notification, protocol } from 'electron';
import { DatabaseRefused } from '../db/startupCheck';
import { ownerOnlyFromNowOn, prepareDataFolder } from '../db/dataFolder';
import { withPrinter } from '../ipc/printDocument';
import { startWorkerClient, type WorkerClient } from '../ipc/workerClient';
import { restoreRefusedDatabase } from '../services/recovery/recoveryBackups';
import { recoveryDesk, recoveryInfo } from '../services/recovery/recoveryDesk';
import {
  isRecoveryUrl,
  RECOVERY_SCHEME,
  RECOVERY_URL,
  recoveryProtocolHandler,
} from '../services/recovery/recoveryProtocol';
import { isTrustedUrl } from '../security/trustedUrl';
import { registerIpc } from './ipc';
import { desktopDatabaseKey } from './protectedKeyStore';
import { electronPrinter } from './printing';
import { hardenSession, hardenWebContents } from './security';

// Bundled to out/main/app/main.cjs; the renderer build sits in out/renderer.
const rendererIndex = path.join(__dirname, '..', '..', 'renderer', 'index.html');
const rendererIndexUrl = pathToFileURL(rendererIndex).href;

let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    title: '业扩报装营业厅客户端',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click would open a link in a new window (auxclick); the window-open handler denies it anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenWebContents(window.webContents, (url) => isTrustedUrl(url, rendererIndexUrl));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererIndexUrl);
  return window;
}

/**
 * Instead of the app when the hall database is refused at start-up (damaged, another program's, newer): the
 * recovery page, without script or preload, served by the yekuo-recovery: scheme (main/services/recovery). Its
 * 恢复此备份 restores the newest good backup as in the web harness; 进入系统并登录 then opens the app on it.
 */
function createRecoveryWindow(refusal: DatabaseRefused, dataDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 860,
    title: '无法打开营业厅数据库 — 业扩报装营业厅客户端',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      javascript: false,
      // As the main window: a middle click would open a link in a new window (auxclick).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // The services worker opens the restored file itself: close the restore's connection.
  const desk = recoveryDesk(recoveryInfo(refusal, dataDir), (name) => {
    const restored = restoreRefusedDatabase(dataDir, name, desktopDatabaseKey(dataDir));
    restored.db.close();
    return restored.before;
  });
  protocol.handle(
    RECOVERY_SCHEME,
    recoveryProtocolHandler(desk, () => {
      protocol.unhandle(RECOVERY_SCHEME);
      openApp(dataDir)
        .then(() => window.close())
        .catch((error: unknown) => {
          dialog.showErrorBox('客户端无法启动', error instanceof Error ? error.message : String(error));
        });
    }),
  );
  hardenWebContents(window.webContents, isRecoveryUrl);
  void window.loadURL(RECOVERY_URL);
  return window;
}

/**
 * The services (database, rules, documents, export) run in a worker thread behind the same handler table, so a
 * search over a million rows or a long export never freezes the window (Actual Budget and Signal do the same).
 */
function startServices(dataDir: string): Promise<WorkerClient> {
  prepareDataFolder(dataDir);
  // Nobody is signed in yet: the worker holds the session once the renderer's sign-in screen has succeeded.
  return startWorkerClient({
    dataDir,
    databaseKeyHex: desktopDatabaseKey(dataDir).toString('hex'),
    workerFile: path.join(__dirname, 'worker.cjs'),
    onNotice: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
  });
}

/**
 * The app on the data folder: the services worker, IPC and the main window; the recovery window instead when
 * the database is refused.
 */
async function openApp(dataDir: string): Promise<void> {
  const services = await startServices(dataDir).catch((error: unknown) => {
    if (!(error instanceof DatabaseRefused)) throw error;
    mainWindow = createRecoveryWindow(error, dataDir);
    return undefined;
  });
  if (!services) return;
  // documents.print is answered here, beside the printer; every other channel goes to the services worker.
  const call = withPrinter(
    (channel, input) => services.call(channel, input),
    dataDir,
    electronPrinter(() => mainWindow),
  );
  registerIpc(call, rendererIndexUrl);
  mainWindow = createWindow();
  app.on('before-quit', () => void services.close());
}

ownerOnlyFromNowOn();
// Before ready: the recovery page's scheme behaves as a secure, standard origin (its form posts to itself).
protocol.registerSchemesAsPrivileged([{ scheme: RECOVERY_SCHEME, privileges: { standard: true, secure: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  void app
    .whenReady()
    .then(() => {
      hardenSession();
      return openApp(process.env.YEKUO_DATA ?? app.getPath('userData'));
    })
    .catch((error: unknown) => {
      // A key that safeStorage cannot give (no keyring): say why instead of a silent exit.
      dialog.showErrorBox('客户端无法启动', error instanceof Error ? error.message : String(error));
      app.quit();
    });

  app.on('window-all-closed', () => app.quit());
}
