import type { Command } from 'commander';
import { applicationInputs } from '../../../shared/api/applications';
import { searchApplications } from '../../services/search';
import { parseOptions, printJson } from '../cliInput';
import { pageText } from '../format';
import { withContext } from '../withContext';
import { addFilterOptions, filterFrom, type FilterOptions } from './filterOptions';

export function registerSearch(program: Command): void {
  addFilterOptions(
    program
      .command('search <text>')
      .description(
        '按户名、证件号、电话、地址或申请编号查找（1–2 个字按户名）/ search name, ID, phone, address, number',
      ),
  ).action((text: string, options: FilterOptions) =>
    withContext(program, 'search.query', (ctx, json) => {
      const page = searchApplications(ctx, parseOptions(applicationInputs.search, { ...filterFrom(options), text }));
      if (json) printJson(page);
      else process.stdout.write(pageText(page));
    }),
  );
}
