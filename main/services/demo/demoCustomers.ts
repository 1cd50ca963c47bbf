/**
 * Returning customers for `yekuo demo`: the generated applications each belong to a new customer, so 客户画像
 * would show one application per customer and no suggestion. These stories give the portrait its patterns
 * (docs/portrait.md), through the same services as real work: a workshop growing towards the LV limit with a
 * sister company under the same legal representative, a new residential compound, a building site on its
 * second 临时用电, a two-part textile mill that suspends a transformer twice a year, a cold store that suspends
 * or reduces three times in a year (RISK-THF-03), and a brickworks that reduces for its off-season. Some cuts are
 * ended by a 暂停恢复 or 减容恢复 (the capacity chart's 恢复 step): a suspension on its planned end date, a
 * reduction after seven months (within the two-year window, REFERENCE.md §3.7), each applied two weeks ahead
 * (R-CHG-02). Added once per hall.
 */
import type { ApplicationInput } from '../../../shared/domain/application';
import { addDays } from '../../../shared/calendar/calendar';
import type { BusinessType, CustomerClass, Stage } from '../../../shared/domain/codes';
import { stagePlan } from '../../../shared/workflow/stagePlans';
import { findCustomerId } from '../../db/repositories/customerRepo';
import type { HandlerContext } from '../../ipc/context';
import { createApplication } from '../applications/createApplication';
import { moveApplication } from '../applications/moveApplication';
import { shanghaiDate } from '../clock';
import { inOneTransaction } from '../mutation';
import { approveScheme, saveSchemeDraft } from '../schemes';
import { demoApplication } from './demoApplication';
import { demoScheme } from './demoScheme';
import { DemoStaff } from './demoStaff';
import { generateMobile, generateRic, generateUscc } from './identifiers';
import { Prng } from './prng';
import { schemeStageOf } from './runDemo';

const DAY_MS = 86_400_000;
const OPENING_UTC_MS = 1.5 * 3_600_000; // 09:30 Asia/Shanghai

interface Story {
  type: BusinessType;
  cls: CustomerClass;
  /** Days before the end of the demo span; a 恢复 instead ends the 暂停 or 减容 of the story at this index. */
  daysAgo: number | { restores: number };
  customer: ApplicationInput['customer'];
  address: string;
  /** Applied capacity in kW (LV); existing capacity for increases. */
  kw?: number;
  existingKw?: number;
  industryCode?: string;
  accountNo?: string;
  /** High voltage: the transformers in service before a 暂停 or 减容 stops one of them (and a 恢复 restarts it). */
  transformers?: { ratingKva: number; count: number };
  /** Walk to 归档, or leave open at this stage. */
  until: 'archive' | Stage;
}

function stories(rng: Prng): Story[] {
  const rep = { name: '陈志强', idNumber: generateRic(rng, 1968, 1975) };
  const org = (name: string) => ({
    kind: 'ORG' as const,
    name,
    idType: 'USCC' as const,
    idNumber: generateUscc(rng),
    phone: generateMobile(rng),
    legalRep: rep,
  });
  const workshop = org('金陵精密机械有限公司（演示）');
  const sister = org('金陵精密电子有限公司（演示）');
  const builder = {
    ...org('南京宏基建设工程有限公司（演示）'),
    legalRep: { name: '周海', idNumber: generateRic(rng) },
  };
  const mill = { ...org('南京永华纺织有限公司（演示）'), legalRep: { name: '吴桂芳', idNumber: generateRic(rng) } };
  const park = '江苏省南京市江宁区天元东路88号';
  const site = '江苏省南京市江宁区胜太路200号';
  const workshopAt = { customer: workshop, address: `${park}3幢`, industryCode: 'C3411', accountNo: '3201880301' };
  const millAt = {
    customer: mill,
    address: '江苏省南京市江宁区秣周东路9号',
    accountNo: '3201990907',
    industryCode: 'C1713',
    transformers: { ratingKva: 630, count: 2 },
  };
  const residents = [1, 2, 3, 4, 5, 6].map((n) => ({
    type: 'NEW_LVR' as const,
    cls: 'LVR' as const,
    daysAgo: 70 - n * 9,
    customer: {
      kind: 'PERSON' as const,
      name: ['林晓燕', '高志明', '孙丽华', '郑建平', '何雅琴', '马俊杰'][n - 1]!,
      idType: 'RIC' as const,
      idNumber: generateRic(rng),
      phone: generateMobile(rng),
    },
    address: `江苏省南京市江宁区翠湖新苑${n + 2}幢${(n % 3) + 1}单元${n + 1}0${(n % 2) + 1}室`,
    kw: 8,
    until: n <= 4 ? ('archive' as const) : ('ACCEPT' as const),
  }));
  const coldStoreAt = {
    customer: { ...org('南京冰源冷链物流有限公司（演示）'), legalRep: { name: '钱立新', idNumber: generateRic(rng) } },
    address: '江苏省南京市江宁区将军大道168号',
    accountNo: '3201770516',
    industryCode: 'G5950',
    transformers: { ratingKva: 800, count: 2 },
  };
  // Drawn after the cold store, so that the stories before it keep their identifiers.
  const brickworksAt = {
    customer: { ...org('南京金石新型建材有限公司（演示）'), legalRep: { name: '黄德明', idNumber: generateRic(rng) } },
    address: '江苏省南京市江宁区横溪街道石塘路6号',
    accountNo: '3201660218',
    industryCode: 'C3031',
    transformers: { ratingKva: 1000, count: 3 },
  };
  return [
    { type: 'NEW_LVN', cls: 'LVN', daysAgo: 330, ...workshopAt, kw: 50, until: 'archive' },
    {
      type: 'NEW_LVN',
      cls: 'LVN',
      daysAgo: 260,
      customer: sister,
      address: `${park}5幢`,
      industryCode: 'C3982',
      kw: 80,
      until: 'archive',
    },
    { type: 'INC_LVN', cls: 'LVN', daysAgo: 170, ...workshopAt, kw: 100, existingKw: 50, until: 'archive' },
    { type: 'INC_LVN', cls: 'LVN', daysAgo: 12, ...workshopAt, kw: 150, existingKw: 100, until: 'SURVEY' },
    { type: 'NEW_TEMP', cls: 'LVN', daysAgo: 320, customer: builder, address: site, kw: 100, until: 'archive' },
    { type: 'NEW_TEMP', cls: 'LVN', daysAgo: 140, customer: builder, address: site, kw: 120, until: 'archive' },
    ...[280, 90].map((daysAgo) => ({
      ...millAt,
      type: 'SUS' as const,
      cls: 'HV' as const,
      daysAgo,
      until: 'archive' as const,
    })),
    ...residents,
    // A cold store that cuts its basic charge three times in a year (暂停, 减容, 暂停): RISK-THF-03's pattern. Its
    // customer is drawn last so that the stories above keep their identifiers.
    ...(['SUS', 'RED', 'SUS'] as const).map((type, n) => ({
      ...coldStoreAt,
      type,
      cls: 'HV' as const,
      daysAgo: 300 - n * 100,
      until: 'archive' as const,
    })),
    { ...brickworksAt, type: 'RED', cls: 'HV', daysAgo: 330, until: 'archive' },
    // The 恢复 of the mill's first 暂停, of the cold store's first 暂停 and of the brickworks' 减容.
    { ...millAt, type: 'SUS_RESTORE', cls: 'HV', daysAgo: { restores: 6 }, until: 'archive' },
    { ...coldStoreAt, type: 'SUS_RESTORE', cls: 'HV', daysAgo: { restores: 14 }, until: 'archive' },
    { ...brickworksAt, type: 'RED_RESTORE', cls: 'HV', daysAgo: { restores: 17 }, until: 'archive' },
  ];
}

/** A 暂停 without a 暂停恢复 ends on its planned date; a 减容 is restored after about seven months. */
const REDUCED_DAYS = 210;
/** A 恢复 is applied two weeks before it takes effect: at least 5 working days ahead (R-CHG-02). */
const RESTORE_NOTICE_DAYS = 14;

/** When a 恢复 of `cut` is applied and takes effect. */
function restorationDates(cut: ApplicationInput): { applied: string; effective: string } {
  const effective = cut.endDate ?? addDays(cut.effectiveDate!, REDUCED_DAYS);
  return { applied: addDays(effective, -RESTORE_NOTICE_DAYS), effective };
}

/**
 * The story's record: a rule-clean demo record of its type, with the story's customer, site and capacity. A 恢复
 * (`cut`: the record of the 暂停 or 减容 it ends) restarts the transformer the cut stopped.
 */
function recordOf(story: Story, date: string, seed: number, cut?: ApplicationInput): ApplicationInput {
  const plan = stagePlan(story.type, story.cls);
  const draw = (s: number) =>
    demoApplication(new Prng(s), {
      type: story.type,
      cls: story.cls,
      applicationDate: date,
      plan,
      target: plan.length - 1,
    });
  // A draw of the story customer's kind, so its checklist (licence, legal representative) and confirmations fit.
  let base = draw(seed);
  for (let s = seed + 1; base.customer.kind !== story.customer.kind; s++) base = draw(s);
  const record: ApplicationInput = {
    ...base,
    customer: story.customer,
    site: { ...base.site, address: story.address },
    ...(story.kw !== undefined ? { requestedCapacityKw: story.kw } : {}),
    ...(story.industryCode ? { industryCode: story.industryCode } : {}),
    ...(story.accountNo ? { accountNo: story.accountNo, accountExternal: true } : {}),
  };
  if (base.existing) {
    record.existing = {
      ...base.existing,
      address: story.address,
      ...(story.existingKw !== undefined ? { capacityKw: story.existingKw } : {}),
    };
  }
  const unit = story.transformers;
  if (unit) {
    // 暂停 or 减容 of one whole transformer of a two-part customer billed by capacity (R-CHG-03, R-CHG-07).
    const reduced = { ratingKva: unit.ratingKva, count: unit.count - 1 };
    const [after, before] = cut ? [unit, reduced] : [reduced, unit];
    record.transformers = [after];
    record.requestedCapacityKva = after.ratingKva * after.count;
    record.existing = { ...record.existing, capacityKva: before.ratingKva * before.count, transformers: [before] };
    if (cut) {
      const since = story.type === 'RED_RESTORE' ? 'lastReductionDate' : 'lastSuspensionDate';
      record.existing[since] = cut.effectiveDate;
      record.effectiveDate = restorationDates(cut).effective;
    }
    record.tariff = {
      category: 'COMMERCIAL_INDUSTRIAL',
      structure: 'TWO_PART',
      capacityChargeBasis: 'CAPACITY',
      choiceFormSigned: true,
    };
  }
  return record;
}

export interface DemoCustomersResult {
  created: number;
}

/** Adds the stories once (a hall that has the first story's customer already has them), ending on `endDate`. */
export function addDemoCustomers(base: HandlerContext, endDate: Date = new Date()): DemoCustomersResult {
  const rng = new Prng(20_261_206);
  const all = stories(rng);
  const first = all[0]!.customer;
  if (findCustomerId(base.db, first.idType, first.idNumber) !== undefined) return { created: 0 };
  const end = Date.UTC(endDate.getUTCFullYear(), endDate.getUTCMonth(), endDate.getUTCDate());
  let now = new Date(end);
  const ctx: HandlerContext = { ...base, now: () => now, session: { ...base.session, role: 'supervisor' } };
  // Drawn in the stories' order (a 恢复 after the cut it ends), accepted in date order as a hall would: the newest
  // application of an account is then the one with the highest id, as the account lookup (过户 and the like) reads.
  const records: ApplicationInput[] = [];
  const planned = all.map((story, i) => {
    const { daysAgo } = story;
    const cut = typeof daysAgo === 'number' ? undefined : records[daysAgo.restores]!;
    const day = typeof daysAgo === 'number' ? end - daysAgo * DAY_MS : Date.parse(restorationDates(cut!).applied);
    const acceptMs = day + OPENING_UTC_MS;
    const record = recordOf(story, shanghaiDate(new Date(acceptMs)), 7_700 + i, cut);
    records.push(record);
    return { story, i, acceptMs, record };
  });
  planned.sort((a, b) => a.acceptMs - b.acceptMs || a.i - b.i);
  return inOneTransaction(ctx, () => {
    for (const { story, i, acceptMs, record } of planned) {
      now = new Date(acceptMs);
      // Demo clerks accept and draft, the supervisor approves, as in the generated applications.
      const staff = new DemoStaff(7_700 + i, ctx, record);
      const { number } = createApplication(staff.acceptor(), record);
      const plan = stagePlan(story.type, story.cls);
      const schemeStage = schemeStageOf(plan);
      const last = story.until === 'archive' ? plan.at(-1)!.stage : story.until;
      let stage: Stage = 'ACCEPT';
      for (let day = 1; stage !== last; day++) {
        if (stage === schemeStage) {
          const draft = saveSchemeDraft(
            staff.drafter(),
            number,
            demoScheme(new Prng(i), record, number, shanghaiDate(now)),
            undefined,
          );
          approveScheme(ctx, number, draft.version);
        }
        now = new Date(acceptMs + day * DAY_MS);
        stage = moveApplication(ctx, number, { move: 'advance' }).stage;
      }
      if (story.until === 'archive') moveApplication(ctx, number, { move: 'archive' });
    }
    return { created: all.length };
  });
}
