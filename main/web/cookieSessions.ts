/**
 * The harness's sessions, one per HttpOnly cookie. A page load without a valid cookie gets a fresh anonymous
 * one, so even sign-in needs a cookie the harness itself issued; a successful sign-in replaces the token (no
 * session fixation). The table is bounded: the oldest sessions go first.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { SessionSlot, SessionState } from '../ipc/context';

const MAX_SESSIONS = 500;

export class CookieSessions {
  private readonly states = new Map<string, SessionState | null>();

  private port = 0;

  /** The cookie's name carries the port: cookies ignore ports, and two harnesses may run side by side. */
  listeningOn(port: number): void {
    this.port = port;
  }

  get cookieName(): string {
    return `yekuo_session_${this.port}`;
  }

  /** The request's token, if it names a session this harness issued. */
  tokenOf(req: IncomingMessage): string | null {
    const header = req.headers.cookie ?? '';
    for (const part of header.split(';')) {
      const [name, value] = part.trim().split('=');
      if (name === this.cookieName && value && this.states.has(value)) return value;
    }
    return null;
  }

  issue(state: SessionState | null = null): string {
    const token = randomBytes(32).toString('base64url');
    this.states.set(token, state);
    while (this.states.size > MAX_SESSIONS) {
      const oldest = this.states.keys().next().value;
      if (oldest === undefined) break;
      this.states.delete(oldest);
    }
    return token;
  }

  /** A fresh token for the same session (after sign-in); the old one stops working. */
  rotate(token: string): string {
    const state = this.states.get(token) ?? null;
    this.states.delete(token);
    return this.issue(state);
  }

  slot(token: string): SessionSlot {
    return {
      get: () => this.states.get(token) ?? null,
      set: (state) => {
        if (this.states.has(token)) this.states.set(token, state);
      },
    };
  }

  setCookie(token: string): string {
    return `${this.cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
  }
}
