/**
 * Who does what in `yekuo demo`, so the risk detectors (main/services/risk) find what a real hall shows: three
 * clerks accept, one of them a trainee at the company window (more confirmed warnings, more returns); clerks
 * draft schemes and the supervisor approves them, except now and then; one installer wins a large share of
 * the HV receiving works, and a few works are recorded as not chosen by the customer. Its own random stream per
 * application, so the records and timing of the run do not shift. Demo choices, not measured rates.
 */
import type { ApplicationInput, CustomerWorks } from '../../../shared/domain/application';
import { Prng } from '../../../shared/stats/prng';
import type { HandlerContext } from '../../ipc/context';

const CLERKS = [
  { userId: 'demo-clerk-1', name: '李娜（演示）' },
  { userId: 'demo-clerk-2', name: '赵敏（演示）' },
];
const TRAINEE = { userId: 'demo-clerk-3', name: '陈实习（演示）' };

const INSTALLERS = ['江宁恒通电力安装有限公司', '金陵电气工程有限公司', '苏电建设安装有限公司', '宁华机电安装有限公司'];
const DESIGNERS = [
  '江苏电力设计咨询有限公司',
  '南京城市规划电气设计院',
  '苏源电力设计有限公司',
  '金陵建筑设计研究院有限公司',
  '宁电工程设计有限公司',
];

export class DemoStaff {
  private readonly rng: Prng;
  private returns = 0;
  readonly trainee: boolean;

  constructor(
    seed: number,
    private readonly supervisor: HandlerContext,
    record: ApplicationInput,
  ) {
    this.rng = new Prng(seed);
    // The trainee sits at the company window: most of the organisations' applications, few households'.
    this.trainee = this.rng.chance(record.customer.kind === 'ORG' ? 0.6 : 0.05);
  }

  private as(who: { userId: string; name: string }, role: 'clerk' | 'supervisor'): HandlerContext {
    return { ...this.supervisor, session: { ...this.supervisor.session, ...who, role } };
  }

  /** Who accepts: a clerk, the trainee, or (2 %) the supervisor himself. */
  acceptor(): HandlerContext {
    if (this.rng.chance(0.02)) return this.supervisor;
    return this.as(this.trainee ? TRAINEE : this.rng.pick(CLERKS), 'clerk');
  }

  /** Who drafts the scheme: a clerk, or (5 %) the approving supervisor. */
  drafter(): HandlerContext {
    return this.rng.chance(0.05) ? this.supervisor : this.as(this.rng.pick(CLERKS), 'clerk');
  }

  /** Whether the survey sends the trainee's application back to 受理 (again): at most twice. */
  extraReturn(): boolean {
    if (!this.trainee || this.returns >= 2 || !this.rng.chance(0.3)) return false;
    this.returns++;
    return true;
  }

  /** The receiving works of an HV connection: one installer takes a large share; 3 % not the customer's choice. */
  works(record: ApplicationInput): Pick<ApplicationInput, 'customerWorks' | 'acknowledgements'> {
    if (record.customerClass !== 'HV') return {};
    const imposed = this.rng.chance(0.03);
    const installer = this.rng.chance(0.4) ? INSTALLERS[0]! : this.rng.pick(INSTALLERS);
    const customerWorks: CustomerWorks = {
      designer: { name: this.rng.pick(DESIGNERS), choice: 'CUSTOMER_CHOICE' },
      contractor: { name: installer, choice: imposed ? 'OTHER' : 'CUSTOMER_CHOICE' },
    };
    if (!imposed) return { customerWorks };
    const confirmed = { ruleId: 'R-GATE-05', reason: '客户称由供电所人员介绍，已告知可自主选择' };
    return { customerWorks, acknowledgements: [...(record.acknowledgements ?? []), confirmed] };
  }
}
