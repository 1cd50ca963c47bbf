/**
 * The one API contract between renderer and main (GitHub Desktop's ipc-shared.ts habit).
 * Each channel names its input schema (parsed in main, never trusted) and its output type.
 * The preload and the web harness both derive `window.api.<group>.<verb>` from CHANNELS, so a channel
 * that is not listed here cannot be called.
 */
import { z } from 'zod';
import './zodLocale';
import { applicationInputs, type ApplicationDetail, type ApplicationSummary, type Page } from './applications';
import { accountLookupSchema, type AccountLookup } from './accounts';
import { batchInputs, type BatchOutcome, type ExportedFile, type MergedReplies, type ReplyOutcome } from './batch';
import { savedFilterInputs, type SavedFilter } from './savedFilters';
import type { AuditEntry, AuditVerifyResult } from './audit';
import type { FieldProblem } from './result';
import { draftSaveSchema, type Draft } from './drafts';
import { schemeInputs, type SchemeVersion } from './schemes';
import {
  documentInputs,
  type ContractState,
  type DocumentSettings,
  type DownloadedDocument,
  type GeneratedDocument,
  type PrintOutcome,
  type PrintPlan,
  type PrintRecord,
} from './documents';
import {
  exportInputs,
  type ExportBatchInfo,
  type ExportProgress,
  type ExportRunResult,
  type ExportSettings,
  type ExportStatus,
} from './export';
import { hallInitSchema, type HallInfo } from './hall';
import { workbenchInputs, type DeferredDuePage, type SchemesExpiringPage, type WorkbenchCounts } from './workbench';
import { riskInputs, type RiskFlag, type RiskFlagApplications, type RiskFlagPage } from './risk';
import { portraitInputs, type CustomerMatch, type CustomerPortrait, type LeadsPage, type Suggestion } from './portrait';
import { userCreateSchema, userSetActiveSchema, type UserInfo } from './users';
import { settingsInputs, type CalendarView, type ProfileView } from './settings';
import { authInputs, type AuthStatus, type SignedInUser } from './auth';
import {
  backupInputs,
  type BackupCheckView,
  type BackupItem,
  type BackupsView,
  type RestoreOutcome,
  type SupportLogView,
} from './backups';
import { statsInputs, type ForecastReport, type ProcessReport, type SimulationResult } from './stats';

export interface SystemInfo {
  appName: string;
  version: string;
  schemaVersion: number;
  dataDir: string;
  hallCode: string | null;
  hallName: string | null;
  user: { id: string; name: string; role: string };
}

const noInput = z.object({}).strict();

export const channelInputs = {
  'auth.status': noInput,
  'auth.firstRun': authInputs.firstRun,
  'auth.signIn': authInputs.signIn,
  'auth.signOut': noInput,
  'auth.lock': noInput,
  'auth.unlock': authInputs.unlock,
  'auth.changePassword': authInputs.changePassword,
  'users.resetPassword': authInputs.resetPassword,
  'settings.idleLock': authInputs.idleLock,
  'system.info': noInput,
  'hall.init': hallInitSchema,
  'hall.get': noInput,
  'hall.update': settingsInputs.hallUpdate,
  'settings.documents': noInput,
  'settings.profile': noInput,
  'settings.loadProfile': settingsInputs.loadProfile,
  'settings.calendar': settingsInputs.calendar,
  'settings.loadHolidays': settingsInputs.loadHolidays,
  'applications.create': applicationInputs.create,
  'applications.update': applicationInputs.update,
  'applications.get': applicationInputs.get,
  'applications.checkLookups': applicationInputs.checkLookups,
  'applications.list': applicationInputs.list,
  'applications.advance': applicationInputs.advance,
  'applications.return': applicationInputs.return,
  'applications.suspend': applicationInputs.suspend,
  'applications.resume': applicationInputs.resume,
  'applications.cancel': applicationInputs.cancel,
  'applications.archive': applicationInputs.archive,
  'search.query': applicationInputs.search,
  'applications.advanceMany': batchInputs.advanceMany,
  'applications.assign': batchInputs.assign,
  'applications.exportXlsx': batchInputs.exportXlsx,
  'documents.batchSchemeReplies': batchInputs.schemeReplies,
  'documents.mergeSchemeReplies': batchInputs.replyFiles,
  'documents.batchPrinted': batchInputs.replyFiles,
  'workbench.counts': noInput,
  'workbench.deferredDue': workbenchInputs.deferredDue,
  'workbench.schemesExpiring': workbenchInputs.schemesExpiring,
  'filters.list': noInput,
  'filters.save': savedFilterInputs.save,
  'filters.delete': savedFilterInputs.delete,
  'accounts.lookup': accountLookupSchema,
  'drafts.save': draftSaveSchema,
  'schemes.list': schemeInputs.list,
  'schemes.saveDraft': schemeInputs.saveDraft,
  'schemes.approve': schemeInputs.approve,
  'schemes.extend': schemeInputs.extend,
  'drafts.get': noInput,
  'drafts.discard': noInput,
  'audit.verify': noInput,
  'audit.forApplication': applicationInputs.get,
  'users.list': noInput,
  'users.create': userCreateSchema,
  'users.setActive': userSetActiveSchema,
  'documents.settings': documentInputs.settings,
  'documents.schemeReply': documentInputs.byApplication,
  'documents.workSheet': documentInputs.byApplication,
  'documents.download': documentInputs.download,
  'documents.preparePrint': documentInputs.preparePrint,
  'documents.print': documentInputs.print,
  'documents.confirmPrinted': documentInputs.confirmPrinted,
  'contracts.generate': documentInputs.generate,
  'contracts.current': documentInputs.byApplication,
  'contracts.setDetails': documentInputs.setDetails,
  'contracts.sign': documentInputs.sign,
  'contracts.void': documentInputs.void,
  'export.status': noInput,
  'export.progress': noInput,
  'export.run': exportInputs.run,
  'export.resend': exportInputs.resend,
  'export.updateSettings': exportInputs.updateSettings,
  'stats.process': statsInputs.process,
  'stats.simulate': statsInputs.simulate,
  'stats.forecast': statsInputs.forecast,
  'stats.exportXlsx': statsInputs.exportXlsx,
  'risk.list': riskInputs.list,
  'risk.applications': riskInputs.applications,
  'risk.close': riskInputs.close,
  'backups.list': noInput,
  'backups.create': noInput,
  'backups.check': backupInputs.file,
  'backups.restore': backupInputs.file,
  'backups.setSecondFolder': backupInputs.secondFolder,
  'supportLog.view': noInput,
  'portrait.search': portraitInputs.search,
  'portrait.get': portraitInputs.get,
  'portrait.leads': portraitInputs.leads,
  'portrait.setStatus': portraitInputs.setStatus,
  'portrait.exportXlsx': portraitInputs.exportXlsx,
} as const;

export interface ChannelOutputs {
  'auth.status': AuthStatus;
  'auth.firstRun': SignedInUser;
  'auth.signIn': SignedInUser;
  'auth.signOut': null;
  'auth.lock': SignedInUser;
  'auth.unlock': SignedInUser;
  'auth.changePassword': SignedInUser;
  'users.resetPassword': null;
  'settings.idleLock': { minutes: number };
  'system.info': SystemInfo;
  'hall.init': HallInfo;
  'hall.get': HallInfo | null;
  'hall.update': HallInfo;
  'settings.documents': DocumentSettings | null;
  'settings.profile': ProfileView;
  'settings.loadProfile': ProfileView;
  'settings.calendar': CalendarView;
  'settings.loadHolidays': CalendarView;
  'applications.create': ApplicationSummary;
  'applications.update': ApplicationSummary;
  'applications.get': ApplicationDetail;
  'applications.checkLookups': FieldProblem[];
  'applications.list': Page<ApplicationSummary>;
  'applications.advance': ApplicationSummary;
  'applications.return': ApplicationSummary;
  'applications.suspend': ApplicationSummary;
  'applications.resume': ApplicationSummary;
  'applications.cancel': ApplicationSummary;
  'applications.archive': ApplicationSummary;
  'search.query': Page<ApplicationSummary>;
  'applications.advanceMany': BatchOutcome[];
  'applications.assign': BatchOutcome[];
  'applications.exportXlsx': ExportedFile;
  'documents.batchSchemeReplies': ReplyOutcome[];
  'documents.mergeSchemeReplies': MergedReplies;
  'documents.batchPrinted': { logged: number };
  'workbench.counts': WorkbenchCounts;
  'workbench.deferredDue': DeferredDuePage;
  'workbench.schemesExpiring': SchemesExpiringPage;
  'filters.list': SavedFilter[];
  'filters.save': SavedFilter;
  'filters.delete': null;
  'accounts.lookup': AccountLookup;
  'drafts.save': Draft;
  'schemes.list': SchemeVersion[];
  'schemes.saveDraft': SchemeVersion;
  'schemes.approve': SchemeVersion;
  'schemes.extend': SchemeVersion;
  'drafts.get': Draft | null;
  'drafts.discard': null;
  'audit.verify': AuditVerifyResult;
  'audit.forApplication': AuditEntry[];
  'users.list': UserInfo[];
  'users.create': UserInfo;
  'users.setActive': UserInfo;
  'documents.settings': DocumentSettings;
  'documents.schemeReply': GeneratedDocument;
  'documents.workSheet': GeneratedDocument;
  'documents.download': DownloadedDocument;
  'documents.preparePrint': PrintPlan;
  'documents.print': PrintOutcome;
  'documents.confirmPrinted': PrintRecord;
  'contracts.generate': GeneratedDocument;
  'contracts.current': ContractState[];
  'contracts.setDetails': ApplicationSummary;
  'contracts.sign': ContractState;
  'contracts.void': ContractState;
  'export.status': ExportStatus;
  /** null when no export runs. */
  'export.progress': ExportProgress | null;
  'export.run': ExportRunResult;
  'export.resend': ExportBatchInfo;
  'export.updateSettings': ExportSettings;
  'stats.process': ProcessReport;
  'stats.simulate': SimulationResult;
  'stats.forecast': ForecastReport;
  'stats.exportXlsx': ExportedFile;
  'risk.list': RiskFlagPage;
  'risk.applications': RiskFlagApplications;
  'risk.close': RiskFlag;
  'backups.list': BackupsView;
  'backups.create': BackupItem;
  'backups.check': BackupCheckView;
  'backups.restore': RestoreOutcome;
  'backups.setSecondFolder': { folder: string | null };
  'supportLog.view': SupportLogView;
  'portrait.search': CustomerMatch[];
  'portrait.get': CustomerPortrait;
  'portrait.leads': LeadsPage;
  'portrait.setStatus': Suggestion;
  'portrait.exportXlsx': ExportedFile;
}

export type Channel = keyof typeof channelInputs & keyof ChannelOutputs;
export type ChannelInput<C extends Channel> = z.input<(typeof channelInputs)[C]>;
export type ChannelOutput<C extends Channel> = ChannelOutputs[C];

export const CHANNELS = Object.keys(channelInputs) as Channel[];
