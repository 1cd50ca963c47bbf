import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditFieldLabel, auditValueLabel } from '../../../shared/domain/auditLabels';
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

  it('names what the scheme approval, the documents and the print log write beside the record', () => {
    for (const path of ['schemeVersion', 'approvedWithWarnings', 'schemeReply', 'workSheet', 'printed', 'template']) {
      expect(auditFieldLabel(path), path).not.toBe('其他项目');
    }
  });

  it('reads a moment (办结时间) on the hall’s clock, not as UTC', () => {
    expect(auditValueLabel('2026-12-06T23:49:45.350Z')).toBe('2026-12-07 07:49');
    expect(auditValueLabel('2026-12-06')).toBe('2026-12-06');
  });
});
