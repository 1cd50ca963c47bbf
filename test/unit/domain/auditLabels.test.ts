import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditValueLabel } from '../../../shared/domain/auditLabels';
import { MOVES } from '../../../shared/workflow/moves';

describe('audit labels: what the audit trail shows is Chinese, never a code', () => {
  it('names every move and the actions of schemes, risk, sign-in and settings', () => {
    const actions = [
      ...MOVES.map((move) => `application.${move}`),
      'scheme.extend',
      'risk.close',
      'auth.signIn',
      'auth.signInFailed',
      'auth.passwordReset',
      'settings.idleLock',
      'export.settings',
    ];
    for (const action of actions) expect(auditActionLabel(action), action).not.toBe('其他操作');
    expect(auditActionLabel('scheme.extend')).toBe('延长供电方案有效期');
  });

  it('reads a scheme’s power-factor standard by its label', () => {
    expect(auditValueLabel('NONE')).toBe('不考核');
  });
});
