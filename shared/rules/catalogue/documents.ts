/**
 * Required documents and 容缺 deferrals (REFERENCE.md §4): received, deferred until a stage under a signed
 * 承诺书, or waived with a reason. A deferred document blocks at its due stage (the product goal of §4.1).
 */
import { STAGE_LABELS, STAGES, type Stage } from '../../domain/codes';
import { stagePlan } from '../../workflow/stagePlans';
import type { AppDraft, DraftDocument } from '../engine/draft';
import type { Rule } from '../engine/types';
import { DOCUMENT_LABELS } from '../documents/labels';
import { docGroupOf } from '../documents/matrix';
import { checklistOf, matrixRows, oneCertificateApplies } from '../documents/requiredDocuments';
import { reached } from '../engine/stages';

const FIELDS = ['documents', 'oneCertificate', 'customer.kind', 'customer.agent', 'importance'];
const source = 'REFERENCE §4.1, §4.3; SRC-SG-RULES [M]; SRC-GDYY1996 art 18 [M]';

const entryOf = (app: AppDraft, code: DraftDocument['code']): DraftDocument | undefined =>
  app.documents.find((d) => d.code === code);

/** Plans are built per call; the label per (type, class, stage) is computed once. */
const ownStageLabels = new Map<string, string>();

/**
 * The name of the stage by which something is due, as the application's own flow calls it: the matrix speaks of
 * "现场勘查", which a 过户 never passes through, so the message names the first stage of its own plan at or after.
 */
function stageLabelIn(app: AppDraft, stage: Stage): string {
  if (!app.businessType || !app.customerClass) return STAGE_LABELS[stage];
  const key = `${app.businessType} ${app.customerClass} ${stage}`;
  let label = ownStageLabels.get(key);
  if (label === undefined) {
    const at = STAGES.indexOf(stage);
    const own = stagePlan(app.businessType, app.customerClass).find((step) => STAGES.indexOf(step.stage) >= at);
    ownStageLabels.set(key, (label = STAGE_LABELS[own?.stage ?? stage]));
  }
  return label;
}

/** R-CHG-13 reports the debt itself once the arrears are recorded; the proof of payment is then no second problem. */
const arrearsCheckedByRule = (app: AppDraft, code: DraftDocument['code']): boolean =>
  code === 'ARREARS_CLEAR' && app.existing.arrearsFen !== undefined;

export const documentRules: Rule[] = [
  {
    id: 'R-DOC-01',
    title: '必备资料须在规定环节前收齐（容缺资料须在受理时登记）',
    severity: 'error',
    fields: FIELDS,
    source,
    messages: {
      missing: '缺少{doc}：办理到“{stage}”时须已收取，请收取后在{field}中登记。',
      register: '{doc}须在受理时登记：已收取的登记为“已收”，暂缺的登记为“容缺”并注明补交环节。',
    },
    check(app, env, report) {
      for (const item of checklistOf(app, env.profile)) {
        if (item.applies !== true || item.code === 'COMMITMENT' || arrearsCheckedByRule(app, item.code)) continue;
        const entry = entryOf(app, item.code);
        if (entry?.status === 'RECEIVED' || entry?.status === 'WAIVED' || entry?.status === 'DEFERRED') continue;
        if (reached(env.stageIndex, item.due)) {
          report('documents', 'missing', { doc: item.label, stage: stageLabelIn(app, item.due) });
        } else if (item.registerAtAccept) {
          report('documents', 'register', { doc: item.label });
        }
      }
    },
  },
  {
    id: 'R-DOC-02',
    title: '只有允许容缺的资料才能容缺，且须注明不晚于规定环节的补交环节',
    severity: 'error',
    fields: FIELDS,
    source,
    messages: {
      never: '{doc}不能容缺（身份证明、委托书和承诺书须当场收取），请收取后登记为“已收”。',
      notAllowed: '{doc}在本业务中不允许容缺，请收取后登记为“已收”。',
      noDue: '{doc}登记为容缺但未注明补交环节，请在{field}中选择补交环节。',
      tooLate: '{doc}最迟须在“{allowed}”前补交，所注补交环节“{chosen}”太晚，请改正。',
    },
    check(app, env, report) {
      const checklist = checklistOf(app, env.profile);
      for (const entry of app.documents) {
        if (entry.status !== 'DEFERRED') continue;
        const field = `documents.${entry.index}`;
        const doc = DOCUMENT_LABELS[entry.code];
        const item = checklist.find((c) => c.code === entry.code);
        if (
          entry.code === 'ID_PERSON' ||
          entry.code === 'ID_ENTITY' ||
          entry.code === 'AGENT' ||
          entry.code === 'COMMITMENT'
        ) {
          report(field, 'never', { doc });
        } else if (!item?.deferrableUntil) {
          if (item) report(field, 'notAllowed', { doc });
        } else if (!entry.dueStage) {
          report(field, 'noDue', { doc });
        } else if (STAGES.indexOf(entry.dueStage) > STAGES.indexOf(item.deferrableUntil)) {
          report(field, 'tooLate', {
            doc,
            allowed: stageLabelIn(app, item.deferrableUntil),
            chosen: stageLabelIn(app, entry.dueStage),
          });
        }
      }
    },
  },
  {
    id: 'R-DOC-03',
    title: '容缺资料到补交环节仍未收取，不能进入该环节',
    severity: 'error',
    fields: FIELDS,
    source: 'REFERENCE §4.1（容缺资料在补交环节阻断流转）; SRC-SG-RULES [M]',
    messages: {
      main: '{doc}容缺至“{stage}”，至今仍未收取；请收取后在{field}中登记为“已收”，否则不能办理“{stage}”及以后的环节。',
    },
    check(app, env, report) {
      const checklist = checklistOf(app, env.profile);
      for (const entry of app.documents) {
        if (entry.status !== 'DEFERRED') continue;
        const due = entry.dueStage ?? checklist.find((c) => c.code === entry.code)?.deferrableUntil;
        if (due && reached(env.stageIndex, due)) {
          report(`documents.${entry.index}`, 'main', {
            doc: DOCUMENT_LABELS[entry.code],
            stage: stageLabelIn(app, due),
          });
        }
      }
    },
  },
  {
    id: 'R-DOC-04',
    title: '有容缺资料时须收取客户签字的承诺书',
    severity: 'error',
    fields: FIELDS,
    source: 'REFERENCE §4.1, §4.3（COMMITMENT 行）; SRC-SG-RULES [M]',
    messages: {
      main: '有资料登记为容缺，须同时收取客户签字的承诺书（承诺在规定环节前补交），请在{field}中登记承诺书。',
    },
    check(app, env, report) {
      if (!app.businessType || !app.documents.some((d) => d.status === 'DEFERRED')) return;
      const rows = matrixRows(env.profile, docGroupOf(app.businessType, app.customerClass));
      if (rows.some(([code]) => code === 'COMMITMENT') && entryOf(app, 'COMMITMENT')?.status !== 'RECEIVED') {
        report('documents');
      }
    },
  },
  {
    id: 'R-DOC-05',
    title: '免收资料须写明理由',
    severity: 'error',
    fields: ['documents'],
    source: 'REFERENCE §4.1（waived (reason)）; SRC-SG-RULES [M]',
    messages: { main: '{doc}登记为免收，但没有写明理由；请在{field}中填写免收理由（如“政务数据共享已核验”）。' },
    check(app, _env, report) {
      for (const entry of app.documents) {
        if (entry.status === 'WAIVED' && !entry.reason?.trim()) {
          report(`documents.${entry.index}`, 'main', { doc: DOCUMENT_LABELS[entry.code] });
        }
      }
    },
  },
  {
    id: 'R-DOC-06',
    title: '一证受理只用于允许的业务，且须当场收取身份或主体资格证明',
    severity: 'error',
    fields: FIELDS,
    source: 'REFERENCE §4.1（一证受理, 国家电网营销〔2015〕70号 [M]）',
    messages: {
      notAllowed: '“{type}”业务不适用{field}，请取消一证受理并按资料清单收取资料。',
      noId: '一证受理须当场收取{doc}，请收取后登记为“已收”。',
    },
    check(app, env, report) {
      if (app.oneCertificate !== true || !app.businessType) return;
      if (!oneCertificateApplies(app, env.profile)) {
        return report('oneCertificate', 'notAllowed', { type: app.businessType });
      }
      const code = app.customer.kind === 'ORG' ? 'ID_ENTITY' : 'ID_PERSON';
      if (entryOf(app, code)?.status !== 'RECEIVED') report('oneCertificate', 'noId', { doc: DOCUMENT_LABELS[code] });
    },
  },
];
