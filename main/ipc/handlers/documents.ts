import {
  currentContractState,
  printContract,
  signContract,
  voidContract,
} from '../../services/documents/contractLifecycle';
import { setDocumentSettings } from '../../services/documents/documentSettings';
import { downloadDocument } from '../../services/documents/downloadDocument';
import { generateContract, generateSchemeReply } from '../../services/documents/generateDocuments';
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
  'documents.download': handler('documents.download', {
    role: 'clerk',
    run: (ctx, input) => downloadDocument(ctx, input.sha256),
  }),
  'contracts.generate': handler('contracts.generate', {
    role: 'clerk',
    run: (ctx, input) => generateContract(ctx, input.number),
  }),
  'contracts.current': handler('contracts.current', {
    role: 'clerk',
    run: (ctx, input) => currentContractState(ctx, input.number),
  }),
  'contracts.markPrinted': handler('contracts.markPrinted', {
    role: 'clerk',
    run: (ctx, input) => printContract(ctx, input),
  }),
  'contracts.sign': handler('contracts.sign', { role: 'clerk', run: (ctx, input) => signContract(ctx, input) }),
  // Voiding a contract releases the scheme lock: a supervisor's decision (REFERENCE.md §6.3).
  'contracts.void': handler('contracts.void', { role: 'supervisor', run: (ctx, input) => voidContract(ctx, input) }),
};
