import { currentPapers, signContract, voidContract } from '../../services/documents/contractLifecycle';
import { setContractDetails } from '../../services/documents/contractDetails';
import { setDocumentSettings } from '../../services/documents/documentSettings';
import { downloadDocument } from '../../services/documents/downloadDocument';
import { generatePaper, generateSchemeDocument, generateSchemeReply } from '../../services/documents/generateDocuments';
import { confirmPrinted, preparePrint } from '../../services/documents/printJobs';
import { AppError } from '../../services/errors';
import { handler } from '../handler';

/** Supply-scheme replies, contracts and their lifecycle, stored files (issue 5). */
export const documentHandlers = {
  'documents.settings': handler('documents.settings', {
    role: 'admin',
    run: (ctx, input) => setDocumentSettings(ctx, input),
  }),
  'documents.schemeReply': handler('documents.schemeReply', {
    role: 'clerk',
    run: (ctx, input) => generateSchemeReply(ctx, input.number),
  }),
  // The 装表接电工作单 for the field crew, printed from the approved scheme like the reply.
  'documents.workSheet': handler('documents.workSheet', {
    role: 'clerk',
    run: (ctx, input) => generateSchemeDocument(ctx, input.number, 'work-sheet'),
  }),
  'documents.download': handler('documents.download', {
    role: 'clerk',
    run: (ctx, input) => downloadDocument(ctx, input.sha256),
  }),
  'documents.preparePrint': handler('documents.preparePrint', {
    role: 'clerk',
    run: (ctx, input) => preparePrint(ctx, input.target),
  }),
  // Printing needs the Electron shell's window and printer: main/app answers this channel itself
  // (main/ipc/printDocument.ts) and never passes it here. The web harness downloads and confirms instead.
  'documents.print': handler('documents.print', {
    role: 'clerk',
    run: () => {
      throw new AppError(
        'ILLEGAL_STATE',
        '此处不能直接打印：请先下载文件并打印，打印完成后确认已打印（系统随即记录打印日志）。',
      );
    },
  }),
  'documents.confirmPrinted': handler('documents.confirmPrinted', {
    role: 'clerk',
    run: (ctx, input) => confirmPrinted(ctx, input),
  }),
  'contracts.generate': handler('contracts.generate', {
    role: 'clerk',
    run: (ctx, input) => generatePaper(ctx, input.number, input.paper),
  }),
  'contracts.current': handler('contracts.current', {
    role: 'clerk',
    run: (ctx, input) => currentPapers(ctx, input.number),
  }),
  'contracts.setDetails': handler('contracts.setDetails', {
    role: 'clerk',
    run: (ctx, input) => setContractDetails(ctx, input),
  }),
  'contracts.sign': handler('contracts.sign', { role: 'clerk', run: (ctx, input) => signContract(ctx, input) }),
  // Voiding a contract releases the scheme lock: a supervisor's decision (REFERENCE.md §6.3).
  'contracts.void': handler('contracts.void', { role: 'supervisor', run: (ctx, input) => voidContract(ctx, input) }),
};
