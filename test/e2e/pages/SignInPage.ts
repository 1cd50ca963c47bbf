import type { Page } from 'playwright-core';

/** Page object of the sign-in screens: first-run wizard, sign-in, forced password change, lock screen. */
export class SignInPage {
  constructor(readonly page: Page) {}

  /** Signs in through the sign-in screen and waits for the shell. */
  async signIn(id: string, password: string): Promise<void> {
    await this.submitSignIn(id, password);
    await this.page.getByTestId('current-user').waitFor();
  }

  async submitSignIn(id: string, password: string): Promise<void> {
    const screen = this.page.getByTestId('auth-screen');
    await screen.getByRole('heading', { name: '登录' }).waitFor();
    await screen.getByLabel('工号').fill(id);
    await screen.getByLabel('密码').fill(password);
    await screen.getByRole('button', { name: '登录' }).click();
  }

  async unlock(password: string): Promise<void> {
    const lock = this.page.getByTestId('lock-screen');
    await lock.getByLabel('密码').fill(password);
    await lock.getByRole('button', { name: '解锁' }).click();
  }
}
