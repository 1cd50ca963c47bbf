/** Plain-text output of the CLI (Chinese labels; --json prints the API shapes instead). */
import type { ApplicationDetail, ApplicationSummary, Page } from '../../shared/api/applications';
import type { AuditVerifyResult } from '../../shared/api/audit';
import {
  APPLICATION_STATUS_LABELS,
  BUSINESS_TYPE_INFO,
  CUSTOMER_CLASS_LABELS,
  STAGE_LABELS,
} from '../../shared/domain/codes';
import { DEADLINE_STATE_LABELS } from '../../shared/workflow/clock';
import { PAUSE_REASON_LABELS, type PauseReason } from '../../shared/workflow/pauseReasons';

export function summaryLine(s: ApplicationSummary): string {
  return [
    s.number,
    BUSINESS_TYPE_INFO[s.businessType].label,
    CUSTOMER_CLASS_LABELS[s.customerClass],
    STAGE_LABELS[s.stage],
    APPLICATION_STATUS_LABELS[s.status],
    s.customerName,
    s.idNumber,
    s.phone,
    s.address,
    `时限:${DEADLINE_STATE_LABELS[s.deadlineState]}${s.dueDate ? `(${s.dueDate})` : ''}`,
  ].join('  ');
}

export function pageText(page: Page<ApplicationSummary>): string {
  const lines = page.items.map(summaryLine);
  if (page.items.length === 0) lines.push('没有符合条件的申请。');
  if (page.nextCursor) lines.push(`…还有更多，下一页请加 --cursor ${page.nextCursor}`);
  return `${lines.join('\n')}\n`;
}

export function detailText(d: ApplicationDetail): string {
  const lines = [
    `申请编号：${d.number}`,
    `业务类型：${BUSINESS_TYPE_INFO[d.businessType].label}（${d.businessType}）  用户分类：${CUSTOMER_CLASS_LABELS[d.customerClass]}（${d.customerClass}）  时限分类：${d.timeLimitClass}`,
    `状态：${APPLICATION_STATUS_LABELS[d.status]}  当前环节：${STAGE_LABELS[d.stage]}（${d.stage}）`,
    `户名：${d.customerName}  证件号码：${d.idNumber}  电话：${d.phone}${d.accountNo ? `  户号：${d.accountNo}` : ''}`,
    `用电地址：${d.address}`,
    `申请日期：${d.applicationDate}  受理时间：${d.createdAt}`,
    `环节时限：${d.deadlines.stageDue ?? '—'}（${DEADLINE_STATE_LABELS[d.deadlines.stageState]}）  总时限：${d.deadlines.totalDue ?? '—'}（${DEADLINE_STATE_LABELS[d.deadlines.totalState]}）`,
  ];
  if (d.pauseReason) {
    lines.push(
      `挂起：自 ${d.suspendedSince}，原因 ${PAUSE_REASON_LABELS[d.pauseReason as PauseReason] ?? d.pauseReason}`,
    );
  }
  const relations = { oldSiteClosure: '原址销户', relocation: '所属迁址' } as const;
  for (const link of d.links) {
    lines.push(
      `关联申请：${relations[link.relation]} ${link.number}（${BUSINESS_TYPE_INFO[link.businessType].label}，${STAGE_LABELS[link.stage]}，${APPLICATION_STATUS_LABELS[link.status]}）`,
    );
  }
  const marks = { done: '✓', current: '▶', skipped: '↷', pending: '·', optional: '○' } as const;
  lines.push(`流程：${d.plan.map((p) => `${marks[p.state]}${STAGE_LABELS[p.stage]}`).join(' → ')}`);
  lines.push('办理记录：');
  for (const e of d.events) {
    const stages = [e.fromStage, e.toStage]
      .map((s) => (s ? STAGE_LABELS[s] : ''))
      .filter(Boolean)
      .join(' → ');
    const why = [e.reasonCode, e.reason].filter(Boolean).join(' ');
    lines.push(`  ${e.at}  ${e.action}  ${stages}${why ? `  （${why}）` : ''}  ${e.userId}`);
  }
  return `${lines.join('\n')}\n`;
}

export function auditText(result: AuditVerifyResult): string {
  const lines: string[] = [];
  const bad = result.firstBad;
  if (bad) {
    lines.push(
      `审计日志校验失败：前 ${result.checked} 条正常，第一条异常记录：#${bad.id} ${bad.at} ${bad.action} ${bad.entity} ${bad.entityId}：${bad.problem}`,
      `audit chain broken at entry #${bad.id} (${bad.at}, ${bad.action})`,
    );
  } else {
    lines.push(`哈希链完整：${result.checked} 条记录校验通过。`, `audit chain ok: ${result.checked} entries`);
  }
  const rows = result.rows;
  if (rows) {
    lines.push(
      `数据行：${rows.checked} 行与审计记录所记状态比对，${rows.problemCount} 行不符，${rows.notYetCovered} 行早于状态记录（尚未覆盖）。`,
    );
    for (const p of rows.problems) {
      const label = p.label ? `（${p.label}）` : '';
      lines.push(`  ${p.table} ${p.key}${label}：${p.problem}`);
    }
    if (rows.problemCount > rows.problems.length) lines.push(`  ……另有 ${rows.problemCount - rows.problems.length} 行`);
    lines.push(`rows: ${rows.checked} checked, ${rows.problemCount} differ, ${rows.notYetCovered} not yet covered`);
  }
  const anchors = result.anchors;
  if (anchors) {
    const latest = anchors.latest
      ? `最近一次签名：${anchors.latest.at}（${anchors.latest.reason}），链头第 ${anchors.latest.entryId} 条`
      : '尚无签名链头';
    const signatures = anchors.signaturesChecked ? '' : '（未找到营业厅密钥，签名未校验）';
    lines.push(`签名链头：${anchors.checked} 个，${anchors.problems.length} 个异常；${latest}${signatures}。`);
    for (const p of anchors.problems) lines.push(`  ${p.problem}`);
    lines.push(`signed heads: ${anchors.checked} checked, ${anchors.problems.length} problems`);
  }
  lines.push(
    result.ok ? '审计日志完整。' : '审计日志校验失败：请勿继续使用此数据库办理业务，联系系统管理员从备份恢复并报告。',
  );
  return `${lines.join('\n')}\n`;
}
