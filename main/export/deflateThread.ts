/**
 * A second thread that hashes (sha256), CRCs and deflates the 1 MB chunks of a large table entry while the
 * export goes on reading SQLite on the main thread: on two cores the two halves of the work overlap. The export
 * reads its snapshot inside one synchronous SQLite transaction, so the main thread never returns to the event
 * loop meanwhile: chunks go out over a MessagePort and the results are taken back synchronously
 * (`receiveMessageOnPort`), blocking on a shared counter (`Atomics.wait`) only when too many chunks are in
 * flight or at the end of an entry. Results come back in the order the chunks went out, and the worker runs the
 * same zlib with the same options as jsonLinesFile.ts, so the bytes are those of the one-thread path.
 *
 * The worker's code is a string evaluated by `new Worker(…, { eval: true })`: no separate file to resolve under
 * tsx, vitest or the Electron bundle.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const zlib = require('node:zlib');
parentPort.once('message', ({ port, signal, level }) => {
  const ready = new Int32Array(signal);
  const options = { level, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  let hash = createHash('sha256');
  let crc = 0;
  const reply = (message) => {
    port.postMessage(message);
    Atomics.add(ready, 0, 1);
    Atomics.notify(ready, 0);
  };
  port.on('message', (chunk) => {
    try {
      if (chunk === null) {
        reply({ sha256: hash.digest('hex'), crc32: crc });
        hash = createHash('sha256');
        crc = 0;
        return;
      }
      const data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      hash.update(data);
      crc = zlib.crc32(data, crc);
      reply({ deflated: zlib.deflateRawSync(data, options) });
    } catch (error) {
      reply({ error: String((error && error.stack) || error) });
    }
  });
});
`;

/** What the thread answers: a chunk's deflate data, or at the end of an entry its sha256 and CRC-32. */
export type ChunkResult = { deflated: Uint8Array } | { sha256: string; crc32: number };

/** A thread that does not answer in this long is taken as dead (the main thread would otherwise wait forever). */
const STALL_MS = 120_000;

export class DeflateThread {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly ready = new Int32Array(new SharedArrayBuffer(4));
  private taken = 0;
  /** Chunks and ends sent whose result has not been taken yet. */
  pending = 0;

  constructor(level: number) {
    const channel = new MessageChannel();
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    this.worker.unref();
    this.port = channel.port1;
    this.worker.postMessage({ port: channel.port2, signal: this.ready.buffer, level }, [channel.port2]);
  }

  /** Sends one chunk of the current entry; its memory moves to the thread (the caller must not touch it again). */
  send(chunk: Buffer): void {
    this.port.postMessage(chunk, [chunk.buffer as ArrayBuffer]);
    this.pending++;
  }

  /** Ends the current entry: its result ({ sha256, crc32 }) comes after the deflate data of its last chunk. */
  end(): void {
    this.port.postMessage(null);
    this.pending++;
  }

  /** The next result if it is there already. */
  poll(): ChunkResult | undefined {
    if (this.pending === 0) return undefined;
    const message = receiveMessageOnPort(this.port);
    if (!message) return undefined;
    this.taken++;
    this.pending--;
    const result = message.message as ChunkResult | { error: string };
    if ('error' in result) throw new Error(`导出压缩线程出错：${result.error}`);
    return result;
  }

  /** The next result, waiting for it. */
  take(): ChunkResult {
    if (this.pending === 0) throw new Error('DeflateThread.take with nothing in flight');
    for (;;) {
      const result = this.poll();
      if (result) return result;
      // The worker counts its replies: wait until it has posted more than have been taken.
      if (
        Atomics.wait(this.ready, 0, this.taken, STALL_MS) === 'timed-out' &&
        Atomics.load(this.ready, 0) === this.taken
      ) {
        throw new Error('导出压缩线程无响应，导出未完成。');
      }
    }
  }

  close(): Promise<number> {
    this.port.close();
    return this.worker.terminate();
  }
}

/** One thread per export, started only when a table entry outgrows one chunk (an incremental batch never does). */
export class LazyDeflateThread {
  private thread: DeflateThread | undefined;

  constructor(private readonly level: number) {}

  get(): DeflateThread {
    this.thread ??= new DeflateThread(this.level);
    return this.thread;
  }

  async close(): Promise<void> {
    await this.thread?.close();
    this.thread = undefined;
  }
}
