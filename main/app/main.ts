/**
 * Electron main process: one window, one instance, the handler table behind IPC.
 * The only folder that imports `electron`; everything it calls also runs under plain Node (CLI, harness, tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { DATABASE_FILE, openDatabase } from '../db/connection';
import { dispatch } from '../ipc/dispatch';
import type { HandlerContext } from '../ipc/context';
import { registerIpc } from './ipc';
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
    },
  });
  hardenWebContents(window.webContents, rendererIndexUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererIndexUrl);
  return window;
}

function openContext(): HandlerContext {
  const dataDir = process.env.YEKUO_DATA ?? app.getPath('userData');
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  // Until sign-in lands, the desktop session is the local clerk.
  return { db, dataDir, session: { userId: 'local', name: '营业员', role: 'clerk' } };
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  void app.whenReady().then(() => {
    hardenSession();
    const context = openContext();
    registerIpc((channel, input) => dispatch(context, channel, input), rendererIndexUrl);
    mainWindow = createWindow();
    app.on('before-quit', () => context.db.close());
  });

  app.on('window-all-closed', () => app.quit());
}
