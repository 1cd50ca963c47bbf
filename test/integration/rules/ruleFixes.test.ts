/** Issue 13, the rule bugs: each on a real temporary store through the services the UI and CLI use. */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { approveScheme, saveSchemeDraft } from '../../../main/services/schemes';
import type { FieldProblem } from '../../../shared/api/result';
import type { ApplicationInput } from '../../../shared/domain/application';
import { STAGE_LABELS } from '../../../shared/domain/codes';
import { proposeScheme } from '../../../shared/domain/schemeProposal';
import { stagePlan } from '../../../shared/workflow/stagePlans';
import { yekuo } from '../store/cliRunner';
import { problemsOf } from '../store/refusals';
import { openStore, recordFor, tempDataDir, type Store } from '../store/storeFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

/** The problems a refused call reports (empty when it succeeds). */
const create = (record: ApplicationInput) => problemsOf(() => createApplication(store.ctx(), record));
const ofRule = (problems: FieldProblem[], ruleId: string) => problems.filter((p) => p.ruleId === ruleId);

describe('R-VC-01 above the LV hard limit', () => {
  const at220 = (kw: number): ApplicationInput => ({
    ...recordFor('NEW_LVN', 'LVN', 11),
    voltageCode: 'AC02202',
    requestedCapacityKw: kw,
    singlePhaseEquipmentKw: undefined,
  });
  const everyWarningAcknowledged = (record: ApplicationInput): ApplicationInput => ({
    ...record,
    acknowledgements: create(record)
      .filter((p) => p.severity === 'warning')
      .map((p) => ({ ruleId: p.ruleId, reason: '已核实' })),
  });

  it('is an error for 200 kW at 220 V that no acknowledgement lets through', () => {
    const record = everyWarningAcknowledged(at220(200));
    expect(ofRule(create(record), 'R-VC-01')).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(ofRule(create(record), 'R-VC-01')[0]?.message).toContain('超过低压接入上限 160 kW');
  });

  it('stays a warning at exactly the limit (160 kW) and is silent on a clean 8 kW record', () => {
    expect(ofRule(create(at220(160)), 'R-VC-01')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(ofRule(create(at220(160.001)), 'R-VC-01')).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(ofRule(create(at220(8)), 'R-VC-01')).toEqual([]);
  });
});

describe('R-CHG-19: 3 years of temporary supply over the base application and its extensions', () => {
  const extension = (start: string | undefined, end: string): ApplicationInput => {
    const base = recordFor('TEMP_EXTEND', 'LVN', 12);
    const { temporaryStartDate: _demoStart, ...existing } = base.existing ?? {};
    return {
      ...base,
      existing: {
        ...existing,
        temporaryEndDate: '2026-06-30',
        ...(start ? { temporaryStartDate: start } : {}),
      },
      endDate: end,
    };
  };

  it('refuses an extension to 2031 of a supply that began in 2026, and accepts the last day of the 3 years', () => {
    const refused = ofRule(create(extension('2026-01-15', '2031-01-15')), 'R-CHG-19');
    expect(refused).toEqual([expect.objectContaining({ severity: 'error', field: 'endDate' })]);
    expect(refused[0]?.message).toContain('最晚为 2029-01-15');
    expect(ofRule(create(extension('2026-01-15', '2029-01-16')), 'R-CHG-19')).toHaveLength(1);
    expect(ofRule(create(extension('2026-01-15', '2029-01-15')), 'R-CHG-19')).toEqual([]);
  });

  it('asks for the start of the supply when it is not known', () => {
    expect(ofRule(create(extension(undefined, '2026-12-31')), 'R-CHG-19')).toEqual([
      expect.objectContaining({
        field: 'existing.temporaryStartDate',
        message: expect.stringContaining('临时用电开始日期'),
      }),
    ]);
  });

  it('counts from the base 临时用电 in the hall records even when a later start is typed', () => {
    const accountNo = '3301234567';
    const base = { ...recordFor('NEW_TEMP', 'LVN', 13), accountNo, accountExternal: true };
    expect(create({ ...base, desiredConnectionDate: '2026-03-10' })).toEqual([]);
    const typedLater = { ...extension('2027-06-01', '2029-06-01'), accountNo, accountExternal: true };
    expect(ofRule(create(typedLater), 'R-CHG-19')[0]?.message).toContain('自 2026-03-10 开始');
  });
});

describe('过户 with arrears: one problem per cause, stages of its own flow', () => {
  const transfer = (arrearsFen: number | undefined): ApplicationInput => {
    const base = recordFor('TRANSFER', 'LVN', 14);
    const existing = { ...base.existing };
    delete existing.arrearsFen;
    return {
      ...base,
      existing: { ...existing, ...(arrearsFen === undefined ? {} : { arrearsFen }) },
      documents: base.documents.filter((d) => d.code !== 'ARREARS_CLEAR'),
    };
  };
  const leaveAccept = (record: ApplicationInput) => {
    const created = createApplication(store.ctx(), record);
    return problemsOf(() => moveApplication(store.ctx(), created.number, { move: 'advance' }));
  };

  it('refuses leaving 业务受理 with R-CHG-13 alone when the debt is recorded', () => {
    const problems = leaveAccept(transfer(12_345));
    expect(ofRule(problems, 'R-CHG-13')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('123.45') }),
    ]);
    expect(ofRule(problems, 'R-DOC-01')).toEqual([]);
  });

  it('asks for the proof of payment, at a stage of the 过户 flow, when the arrears are not recorded', () => {
    const own = stagePlan('TRANSFER', 'LVN').map((step) => STAGE_LABELS[step.stage]);
    const proof = ofRule(leaveAccept(transfer(undefined)), 'R-DOC-01').find((p) => p.message.includes('电费结清证明'));
    expect(proof?.message).not.toContain('现场勘查');
    const named = /办理到“(.+?)”时/.exec(proof?.message ?? '')?.[1];
    expect(own).toContain(named);
  });
});

describe('R-CHG-08 says what it counts', () => {
  it('names the effective date it counts to', () => {
    const base = recordFor('RED_RESTORE', 'HV', 15);
    const record = {
      ...base,
      effectiveDate: '2026-04-01',
      existing: { ...base.existing, lastReductionDate: '2024-03-31' },
    };
    const [problem] = ofRule(create(record), 'R-CHG-08');
    expect(problem?.message).toBe(
      '从减容日期 2024-03-31 到变更生效日期 2026-04-01 已超过 2 年，不能办理减容恢复，请改办增容或新装。',
    );
    expect(ofRule(create({ ...record, effectiveDate: '2026-03-31' }), 'R-CHG-08')).toEqual([]);
  });
});

describe('R-VC-06 belongs to scheme approval', () => {
  it('lets a 110 kV scheme be drafted without the provincial approval, and refuses approving it until recorded', () => {
    const fixture = JSON.parse(fs.readFileSync('test/fixtures/e2e/hv-new-connection.json', 'utf8')) as ApplicationInput;
    let record: ApplicationInput = { ...fixture, voltageCode: 'AC01101', applicationDate: '2026-03-02' };
    record = {
      ...record,
      acknowledgements: [
        ...(record.acknowledgements ?? []),
        ...create(record)
          .filter((p) => p.severity === 'warning')
          .map((p) => ({ ruleId: p.ruleId, reason: '已核实' })),
      ],
    };
    const { number } = createApplication(store.ctx(), record);
    const proposal = proposeScheme(record, 'FA-1', '2026-03-02');
    const content = {
      ...proposal,
      sources: proposal.sources.map((s) => ({ ...s, boundaryPoint: '进线门型架' })),
      receiving: { ...proposal.receiving!, mainWiring: '110 kV 线变组' },
      metering: proposal.metering.map((m) => ({ ...m, position: '进线计量柜', meterSpec: '三相三线 3×100 V' })),
    };
    expect(saveSchemeDraft(store.ctx('clerk'), number, content, undefined)).toMatchObject({ status: 'draft' });
    const refused = problemsOf(() => approveScheme(store.ctx(), number, 1));
    expect(refused).toEqual([expect.objectContaining({ ruleId: 'R-VC-06', field: 'provincialApproval' })]);
    updateApplicationRecord(store.ctx(), number, { ...record, provincialApproval: true });
    expect(approveScheme(store.ctx(), number, 1)).toMatchObject({ status: 'approved' });
  });
});

describe('yekuo app create on a folder that was never initialised', () => {
  it('exits 2 and says to run init first', async () => {
    const dir = tempDataDir();
    try {
      fs.writeFileSync(`${dir}/a.json`, JSON.stringify(recordFor('NEW_LVR', 'LVR')));
      const run = await yekuo(dir, 'app', 'create', `${dir}/a.json`);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('请先执行 yekuo init');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('yekuo --json validate', () => {
  it('carries the 依据 of every problem', async () => {
    const dir = tempDataDir();
    try {
      const record = { ...recordFor('NEW_LVN', 'LVN', 11), voltageCode: 'AC02202', requestedCapacityKw: 200 };
      fs.writeFileSync(`${dir}/a.json`, JSON.stringify(record));
      const run = await yekuo(dir, '--json', 'validate', '--stage', 'ACCEPT', `${dir}/a.json`);
      expect(run.code).toBe(1);
      const { issues } = JSON.parse(run.stdout) as { issues: FieldProblem[] };
      expect(issues.find((i) => i.ruleId === 'R-VC-01')).toMatchObject({
        severity: 'error',
        basis: expect.stringContaining('《供电营业规则》（1996年，电力工业部令第8号）第8条'),
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
