/**
 * 供电方案有效期 (R-GATE-04, shared/rules/schemeValidity.ts) in the store: the one extension of an approved scheme,
 * recorded by a supervisor on the customer's written request and audited; and the gate that stops an application
 * from moving on while its approved scheme has expired before the customer's works started.
 */
import type { SchemeVersion } from '../../shared/api/schemes';
import type { SupplyScheme } from '../../shared/domain/scheme';
import type { Stage } from '../../shared/domain/codes';
import {
  BEFORE_WORKS_STAGES,
  expiredSchemeProblem,
  extensionProblems,
  schemeValidity,
  type ExtensionRequest,
} from '../../shared/rules';
import type { Db } from '../db/connection';
import type { ApplicationRow } from '../db/repositories/applicationRepo';
import { extendSchemeVersion, schemeVersionsOf } from '../db/repositories/schemeRepo';
import type { HandlerContext } from '../ipc/context';
import { loadApplication } from './applications/loadApplication';
import { fieldDiff } from './canonicalJson';
import { AppError } from './errors';
import { mutate } from './mutation';
import { toVersion } from './schemes';
import { configurationInForce } from './settings/inForce';

export function extendScheme(
  ctx: HandlerContext,
  number: string,
  version: number,
  request: ExtensionRequest,
): SchemeVersion {
  return mutate(ctx, ({ db, changeSeq, clock }) => {
    const app = loadApplication(db, number);
    if (app.status !== 'ACTIVE' && app.status !== 'SUSPENDED') {
      throw new AppError('ILLEGAL_STATE', `申请 ${number} 已终止或归档，不能延长供电方案有效期。`);
    }
    const row = schemeVersionsOf(db, app.id).find((v) => v.version === version);
    if (!row || row.status !== 'approved') {
      throw new AppError(
        'ILLEGAL_STATE',
        `申请 ${number} 的供电方案第 ${version} 版${row ? '不是现行已审批的版本' : '不存在'}：只能延长现行已审批方案的有效期。`,
      );
    }
    const content = JSON.parse(row.content_json) as SupplyScheme;
    const validity = schemeValidity(content, row.extended_until);
    const problems = extensionProblems(content, validity, request, clock.today, configurationInForce(db).profile);
    if (problems.length > 0) {
      throw new AppError('RULE_VIOLATION', `供电方案不能延期：${problems.map((p) => p.message).join('；')}`, problems);
    }
    extendSchemeVersion(db, row.id, request.until, changeSeq);
    return {
      result: toVersion({ ...row, extended_until: request.until, change_seq: changeSeq }),
      audit: {
        action: 'scheme.extend',
        entity: 'application',
        entityId: number,
        diff: fieldDiff(
          { schemeVersion: version, schemeValidUntil: validity.originalUntil },
          {
            schemeVersion: version,
            schemeValidUntil: request.until,
            extensionRequestedOn: request.requestedOn,
            extensionReason: request.reason.trim(),
          },
        ),
      },
    };
  });
}

/**
 * Refuses to move an application on from a stage before the customer's works (SCHEME, FEE, DESIGN_REVIEW) while
 * its approved scheme has expired: the scheme is void and must be drafted and approved again.
 */
export function assertSchemeInForce(db: Db, app: ApplicationRow, today: string): void {
  if (!BEFORE_WORKS_STAGES.has(app.stage as Stage)) return;
  const row = schemeVersionsOf(db, app.id)
    .filter((v) => v.status === 'approved')
    .at(-1);
  if (!row) return;
  const problem = expiredSchemeProblem(
    schemeValidity(JSON.parse(row.content_json) as SupplyScheme, row.extended_until),
    row.version,
    today,
  );
  if (problem) throw new AppError('RULE_VIOLATION', `申请 ${app.number} 不能推进：${problem.message}`, [problem]);
}
