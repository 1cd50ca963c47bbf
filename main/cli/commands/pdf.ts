import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { documentInputs, type GeneratedDocument } from '../../../shared/api/documents';
import { setDocumentSettings } from '../../services/documents/documentSettings';
import type { PaperKind } from '../../../shared/workflow/contractPaper';
import { generatePaper, generateSchemeDocument, generateSchemeReply } from '../../services/documents/generateDocuments';
import type { HandlerContext } from '../../ipc/context';
import { parseOptions, printJson } from '../cliInput';
import { withContext } from '../withContext';

/** Copies the stored file (named by its hash in the data folder) to where the user asked for it. */
function deliver(ctx: HandlerContext, doc: GeneratedDocument, out: string | undefined, json: boolean): void {
  if (out) fs.copyFileSync(path.join(ctx.dataDir, doc.path), out);
  if (json) printJson({ ...doc, out: out ?? null });
  else {
    const where = out ? `，已写入 ${out}` : '';
    process.stdout.write(`${doc.documentNo}：${doc.pageCount} 页，${doc.size} 字节，sha256 ${doc.sha256}${where}\n`);
  }
}

interface SettingsOptions {
  utility: string;
  address: string;
  phone: string;
  contact: string;
  hotline: string;
  legalRep?: string;
  taxNumber?: string;
  bankAccount?: string;
  email?: string;
  contractCopies?: string;
  bodyFont?: string;
  bodyFontName?: string;
  headingFont?: string;
  headingFontName?: string;
}

export function registerPdf(program: Command): void {
  const pdf = program
    .command('pdf')
    .description(
      '供电方案答复单、供用电合同、补充协议、终止协议与工作单 PDF / replies, contracts, agreements, work sheets',
    );
  pdf
    .command('scheme <number>')
    .description('按已审批的供电方案生成答复单 / supply-scheme reply from the approved scheme version')
    .option('--out <file>', '输出文件 / output file')
    .action((number: string, options: { out?: string }) =>
      withContext(program, 'documents.schemeReply', (ctx, json) =>
        deliver(ctx, generateSchemeReply(ctx, number), options.out, json),
      ),
    );
  const papers: { command: string; paper: PaperKind; description: string }[] = [
    { command: 'contract', paper: 'contract', description: '供用电合同 / contract (new connection, 过户)' },
    {
      command: 'agreement',
      paper: 'agreement',
      description: '供用电合同补充协议 / supplementary agreement (change of use)',
    },
    {
      command: 'termination',
      paper: 'termination',
      description: '供用电合同终止协议 / termination agreement (销户, 过户)',
    },
  ];
  for (const { command, paper, description } of papers) {
    pdf
      .command(`${command} <number>`)
      .description(description)
      .option('--out <file>', '输出文件 / output file')
      .action((number: string, options: { out?: string }) =>
        withContext(program, 'contracts.generate', (ctx, json) => {
          const input = parseOptions(documentInputs.generate, { number, paper });
          deliver(ctx, generatePaper(ctx, input.number, input.paper), options.out, json);
        }),
      );
  }
  pdf
    .command('worksheet <number>')
    .description('按已审批的供电方案生成装表接电工作单 / meter work sheet from the approved scheme version')
    .option('--out <file>', '输出文件 / output file')
    .action((number: string, options: { out?: string }) =>
      withContext(program, 'documents.workSheet', (ctx, json) => {
        const input = parseOptions(documentInputs.byApplication, { number });
        deliver(ctx, generateSchemeDocument(ctx, input.number, 'work-sheet'), options.out, json);
      }),
    );
  pdf
    .command('settings')
    .description('设置文书上的供电企业与营业厅信息 / what documents print about the hall')
    .requiredOption('--utility <name>', '供电企业名称 / utility name')
    .requiredOption('--address <text>', '营业厅地址 / hall address')
    .requiredOption('--phone <number>', '营业厅电话 / hall telephone')
    .requiredOption('--contact <name>', '经办人 / clerk to contact')
    .option('--hotline <number>', '服务热线 / hotline', '95598')
    .option('--legal-rep <name>', '供电企业法定代表人（高压合同必填）/ utility legal representative')
    .option('--tax-number <code>', '供电企业纳税人识别号（高压合同必填）/ utility tax number')
    .option('--bank-account <text>', '供电企业开户银行及账号（高压合同必填）/ utility bank and account')
    .option('--email <address>', '供电企业通知邮箱 / e-mail for notices')
    .option('--contract-copies <n>', '合同份数（打印份数与合同“一式 N 份”）/ contract copies, printed and stated')
    .option('--body-font <file>', '正文字体文件，例如 C:\\Windows\\Fonts\\simsun.ttc / body font file')
    .option('--body-font-name <name>', '字体集合中的 PostScript 名称，例如 SimSun / face in a .ttc')
    .option('--heading-font <file>', '标题字体文件 / heading font file')
    .option('--heading-font-name <name>', '标题字体的 PostScript 名称 / face in a .ttc')
    .action((options: SettingsOptions) =>
      withContext(program, 'documents.settings', (ctx, json) => {
        const face = (file?: string, postscriptName?: string) =>
          file ? { file, ...(postscriptName ? { postscriptName } : {}) } : undefined;
        const input = parseOptions(documentInputs.settings, {
          utilityName: options.utility,
          address: options.address,
          phone: options.phone,
          contact: options.contact,
          hotline: options.hotline,
          legalRep: options.legalRep,
          taxNumber: options.taxNumber,
          bankAccount: options.bankAccount,
          email: options.email,
          contractCopies: options.contractCopies === undefined ? undefined : Number(options.contractCopies),
          bodyFont: face(options.bodyFont, options.bodyFontName),
          headingFont: face(options.headingFont, options.headingFontName),
        });
        const saved = setDocumentSettings(ctx, input);
        if (json) printJson(saved);
        else process.stdout.write(`已保存文书信息：${saved.utilityName}\n`);
      }),
    );
}
