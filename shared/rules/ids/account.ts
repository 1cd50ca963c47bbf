/**
 * 户号 customer account number, REFERENCE.md §5.1.8: digits only, 10 (historical) or 13 digits (营销2.0: the
 * province prefix, e.g. 330 or 110, before the old 10-digit number). Lengths and prefix come from the profile.
 */
import type { IdCheck, IdProblem } from './problem';

export interface AccountNumberPolicy {
  lengths: readonly number[];
  /** Prefix of 13-digit numbers in this province, e.g. "330"; undefined when not configured. */
  prefix13?: string;
}

export function checkAccountNumber(raw: string, policy: AccountNumberPolicy): IdCheck {
  const normalized = raw.length > 32 ? '' : raw.replace(/[\s\u3000-]+/g, '');
  const problems: IdProblem[] = [];
  if (!/^\d+$/.test(normalized) || !policy.lengths.includes(normalized.length)) {
    problems.push({
      ruleId: 'R-HH-01',
      severity: 'error',
      key: 'format',
      params: { lengths: policy.lengths.join(' 或 ') },
    });
  } else if (policy.prefix13 !== undefined && normalized.length === 13 && !normalized.startsWith(policy.prefix13)) {
    problems.push({ ruleId: 'R-HH-02', severity: 'warning', key: 'main', params: { prefix: policy.prefix13 } });
  } else if (policy.prefix13 !== undefined && normalized.length === 10 && policy.lengths.includes(13)) {
    problems.push({
      ruleId: 'R-HH-03',
      severity: 'warning',
      key: 'main',
      params: { prefix: policy.prefix13, suggestion: policy.prefix13 + normalized },
    });
  }
  return { normalized, problems };
}
