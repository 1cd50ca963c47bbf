/**
 * `yekuo portrait CUSTOMER [--json]`: 客户画像 of one customer (main/services/portrait, docs/portrait.md). CUSTOMER
 * is an ID number, a 户号, an application number or (part of) the name; several matches are listed, not guessed.
 */
import type { Command } from 'commander';
import { portraitInputs, type CustomerMatch, type CustomerPortrait } from '../../../shared/api/portrait';
import { maskIdNumber } from '../../../shared/domain/masking';
import {
  CAPACITY_CHARGE_BASIS_LABELS,
  TARIFF_CATEGORY_LABELS,
  TARIFF_STRUCTURE_LABELS,
} from '../../../shared/domain/labels';
import {
  capacityTable,
  flagTable,
  portraitApplicationsTable,
  suggestionTable,
} from '../../../shared/stats/portraitTables';
import { customerPortrait, findCustomers } from '../../services/portrait/customerPortrait';
import { AppError } from '../../services/errors';
import { parseOptions, printJson } from '../cliInput';
import { tableText } from '../statsFormat';
import { withContext } from '../withContext';

const label = <K extends string>(labels: Record<K, string>, code: string | null) =>
  code === null ? '未记录' : (labels[code as K] ?? code);

function portraitText(p: CustomerPortrait): string {
  const c = p.customer;
  const lines = [
    `客户：${c.name}（${c.kind === 'ORG' ? '单位' : '个人'}）  证件：${c.idNumber}  电话：${c.phone}${c.legalRep ? `  法定代表人：${c.legalRep}` : ''}`,
    `电价：${label(TARIFF_CATEGORY_LABELS, p.tariff.category || null)} ${p.tariff.structure ? label(TARIFF_STRUCTURE_LABELS, p.tariff.structure) : ''}${p.tariff.capacityChargeBasis ? ` ${label(CAPACITY_CHARGE_BASIS_LABELS, p.tariff.capacityChargeBasis)}` : ''}  行业：${p.industryCode ?? '未记录'}`,
    `户号：${p.accounts.map((a) => `${a.accountNo}（${a.address}）`).join('；') || '无'}`,
    ...tableText(portraitApplicationsTable(p)),
    ...tableText(capacityTable(p)),
    ...tableText(suggestionTable(p.suggestions)),
    ...tableText(flagTable(p.riskFlags)),
  ];
  return `${lines.join('\n')}\n`;
}

/** The one customer the query names: an exact ID number or name wins; otherwise it must be the only match. */
function onlyMatch(query: string, matches: readonly CustomerMatch[]): CustomerMatch {
  const exact = matches.filter((m) => m.idNumber === query || m.name === query);
  if (exact.length === 1) return exact[0]!;
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw new AppError('NOT_FOUND', `没有与“${query}”相符的客户：请用证件号码、户号、申请编号或户名查询。`);
  }
  const list = matches.map((m) => `${m.name}（${maskIdNumber(m.idNumber)}，${m.applications} 件申请）`).join('；');
  throw new AppError('CONFLICT', `“${query}”对应 ${matches.length} 个客户：${list}。请改用证件号码查询。`);
}

export function registerPortrait(program: Command): void {
  program
    .command('portrait <customer>')
    .description('客户画像：申请、户号、容量变化、合同、风险与营销建议 / customer portrait')
    .action((customer: string) =>
      withContext(program, 'portrait.get', (ctx, json) => {
        const { query } = parseOptions(portraitInputs.search, { query: customer });
        const match = onlyMatch(query, findCustomers(ctx, query));
        const portrait = customerPortrait(ctx, match.id);
        if (json) printJson(portrait);
        else process.stdout.write(portraitText(portrait));
      }),
    );
}
