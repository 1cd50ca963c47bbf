/**
 * The tables a template can place by name: one row per source, metering point, fee … of the scheme, per change of
 * a scheme version, or per item a 补充协议 changes.
 */
import { METERING_METHOD_LABELS, TARIFF_CATEGORY_LABELS, VOLTAGE_LABELS } from '../../shared/domain/labels';
import { SOURCE_NATURE_LABELS } from '../../shared/domain/schemeLabels';
import type { AgreementRecord, DocumentRecord, PaperRecord } from './documentRecord';
import type { GridData } from './layout/tables';
import type { LayoutVersion, TABLE_SOURCES } from './templates/templateSchema';
import { formatDate, formatYuan } from './templates/filters';
import { typeset } from './templates/typography';

/** An optional technical detail that does not apply (no CT on a direct-connected meter) prints as "—". */
const orDash = (value: string | undefined) => value ?? '—';

type Layout = LayoutVersion;

type SchemeTable = Exclude<(typeof TABLE_SOURCES)[number], 'agreementChanges'>;

const TABLE_BUILDERS: Record<SchemeTable, (record: DocumentRecord, layout: Layout) => GridData> = {
  sources: ({ scheme }, layout) => ({
    columns: [0.08, 0.12, 0.15, 0.17, 0.1, 0.1, 0.28],
    // A low-voltage source's capacity is the approved kW; layout 1 headed it kVA for every class.
    header: [
      '编号',
      '电源性质',
      '电源变电站',
      '线路及间隔',
      '电压',
      layout >= 2 && scheme.approvedCapacityKva === undefined ? '容量 (kW)' : '容量 (kVA)',
      '产权分界点',
    ],
    rows: scheme.sources.map((s) => [
      s.no,
      SOURCE_NATURE_LABELS[s.nature],
      s.substation,
      s.line,
      VOLTAGE_LABELS[s.voltageCode].replace('交流 ', ''),
      String(s.capacityKva),
      s.boundaryPoint,
    ]),
  }),
  metering: ({ scheme }) => ({
    columns: [0.08, 0.1, 0.22, 0.1, 0.24, 0.26],
    header: ['计量点', '计量方式', '安装位置', '电价类别', '电能表（精度、规格及接线）', '互感器（精度、变比）'],
    rows: scheme.metering.map((m) => [
      m.no,
      METERING_METHOD_LABELS[m.method],
      m.position,
      TARIFF_CATEGORY_LABELS[m.tariffCategory] + (m.splitRule ? `（${m.splitRule}）` : ''),
      `${m.meterAccuracy}级 ${m.meterSpec}`,
      m.ctRatio
        ? `CT ${orDash(m.ctAccuracy)}级 ${m.ctRatio}` + (m.ptRatio ? `；PT ${m.ptRatio}` : '')
        : '直接接入，无互感器',
    ]),
  }),
  fees: ({ scheme }, layout) => ({
    columns: [0.2, 0.14, 0.12, 0.16, 0.38],
    header: ['费用名称', '单价', '数量', '应收金额', '收费依据'],
    rows:
      scheme.fees.length === 0
        ? [['无', '—', '—', formatYuan(0), noFeeReason(scheme, layout)]]
        : [
            ...scheme.fees.map((f) => [
              f.name,
              `${formatYuan(f.unitPriceFen)}/${f.unit}`,
              `${f.quantity} ${f.unit}`,
              formatYuan(f.amountFen),
              f.basis,
            ]),
            ['合计', '—', '—', formatYuan(scheme.fees.reduce((sum, f) => sum + f.amountFen, 0)), '—'],
            ...(layout >= 2 && scheme.highReliabilityFeeWaiver ? [waiverRow(scheme.highReliabilityFeeWaiver)] : []),
          ],
  }),
  transformers: ({ scheme }) => {
    const list = scheme.receiving?.transformers ?? [];
    return {
      columns: [0.12, 0.3, 0.2, 0.38],
      header: ['序号', '单台容量 (kVA)', '台数', '小计 (kVA)'],
      rows: list.map((t, i) => [String(i + 1), String(t.ratingKva), String(t.count), String(t.ratingKva * t.count)]),
    };
  },
  deadlines: ({ scheme }) => ({
    columns: [0.12, 0.58, 0.3],
    header: ['序号', '事项', '期限'],
    rows: scheme.deadlines.map((d, i) => [String(i + 1), d.item, formatDate(d.due)]),
  }),
  /** The 方案变更说明 of a version after the first: each changed field, before and after. */
  changes: ({ schemeChange, schemeVersion }) => ({
    columns: [0.07, 0.39, 0.27, 0.27],
    header: [
      '序号',
      '变更项目',
      `变更前（第 ${schemeChange?.replacesVersion ?? (schemeVersion ?? 1) - 1} 版）`,
      `变更后（第 ${schemeVersion} 版）`,
    ],
    rows: (schemeChange?.changes ?? []).map((c, i) => [String(i + 1), c.label, c.before, c.after]),
  }),
};

/** What a 补充协议 changes: each item before and after, with units. */
const agreementChanges = ({ agreement }: AgreementRecord): GridData => ({
  columns: [0.08, 0.28, 0.32, 0.32],
  header: ['序号', '变更事项', '变更前', '变更后'],
  rows: agreement.changes.map((c, i) => [String(i + 1), c.label, c.before, c.after]),
});

/** Why no fee is charged; layout 2 names the 高可靠性供电费 of a multi-source scheme that does not apply. */
function noFeeReason(scheme: DocumentRecord['scheme'], layout: Layout): string {
  if (layout >= 2 && scheme.highReliabilityFeeWaiver) return `不收取高可靠性供电费：${scheme.highReliabilityFeeWaiver}`;
  return scheme.threeZero ? '“三零”服务，不收取营业费用' : '本方案不涉及营业费用';
}

const waiverRow = (reason: string) => ['高可靠性供电费', '—', '—', formatYuan(0), `不收取：${reason}`];

/** The table a template names, as the template's layout prints it (layout 2 glues numbers to their units). */
export function tableOf(source: (typeof TABLE_SOURCES)[number], record: PaperRecord, layout: Layout): GridData {
  const grid = tableData(source, record, layout);
  if (layout === 1) return grid;
  // Layout 5 applies its spacing rule (typography.ts) to the cells too.
  const cell = (text: string) => typeset(text, layout);
  return { ...grid, header: grid.header.map(cell), rows: grid.rows.map((row) => row.map(cell)) };
}

function tableData(source: (typeof TABLE_SOURCES)[number], record: PaperRecord, layout: Layout): GridData {
  if (source === 'agreementChanges') {
    if (!('agreement' in record)) throw new Error('文书模板错误：变更事项表只用于补充协议');
    return agreementChanges(record);
  }
  // A template that is not a scheme document never names a scheme table: a template bug, not a missing value.
  if (!('scheme' in record)) throw new Error(`文书模板错误：没有供电方案的文书不能列出表格 ${source}`);
  return TABLE_BUILDERS[source](record, layout);
}
