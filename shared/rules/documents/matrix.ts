/**
 * The documents matrix of REFERENCE.md §4.3 ([P] defaults built on 一证受理 / 容缺受理, §4.1) as data.
 * A province profile may replace any cell (profile.documents.matrix). Types the matrix does not list
 * (移表, 暂拆, 复装) get the identity, agent and application-form rows only [P].
 */
import type { BusinessType, CustomerClass } from '../../domain/codes';
import type { DocumentCode } from '../../domain/application';
import type { DocRequirement } from './requirement';

export const DOC_GROUPS = [
  'LVR_CONNECT',
  'LVN_CONNECT',
  'HV_CONNECT',
  'TEMP',
  'CAPACITY_CHANGE',
  'RENAME',
  'TRANSFER',
  'SPLIT_MERGE',
  'CLOSE',
  'RELOC',
  'TARIFF_CHANGE',
  'VOLT_CHANGE',
  'OTHER_CHANGE',
] as const;
export type DocGroup = (typeof DOC_GROUPS)[number];

export type DocMatrix = Record<DocGroup, Partial<Record<DocumentCode, DocRequirement>>>;

export function docGroupOf(type: BusinessType, customerClass: CustomerClass | undefined): DocGroup {
  switch (type) {
    case 'NEW_LVR':
    case 'INC_LVR':
      return 'LVR_CONNECT';
    case 'NEW_LVN':
    case 'INC_LVN':
      return 'LVN_CONNECT';
    case 'NEW_HV':
    case 'INC_HV':
      return 'HV_CONNECT';
    case 'NEW_BATCH':
      return customerClass === 'LVR' ? 'LVR_CONNECT' : 'HV_CONNECT';
    case 'NEW_TEMP':
    case 'TEMP_EXTEND':
      return 'TEMP';
    case 'SUS':
    case 'RED':
    case 'SUS_RESTORE':
    case 'RED_RESTORE':
    case 'TTX':
    case 'TTX_RESTORE':
      return 'CAPACITY_CHANGE';
    case 'SPLIT':
    case 'MERGE':
      return 'SPLIT_MERGE';
    case 'RENAME':
    case 'TRANSFER':
    case 'CLOSE':
    case 'RELOC':
    case 'TARIFF_CHANGE':
    case 'VOLT_CHANGE':
      return type;
    case 'METER_MOVE':
    case 'TMR':
    case 'TMR_RESTORE':
      return 'OTHER_CHANGE';
  }
}

const R: DocRequirement = { need: 'R' };
const rBy = (due: DocRequirement['due']): DocRequirement => ({ need: 'R', due });
const dUntil = (due: DocRequirement['due']): DocRequirement => ({ need: 'D', due });
const maybe: DocRequirement = { need: 'C', when: 'UNDECIDABLE' };

/** Rows every group has: identity proof (never deferrable, §4.1), agent papers when an agent acts, the form. */
const BASE: Partial<Record<DocumentCode, DocRequirement>> = {
  ID_PERSON: { need: 'C', when: 'PERSON' },
  ID_ENTITY: { need: 'C', when: 'ORGANISATION' },
  AGENT: { need: 'C', when: 'AGENT_PRESENT' },
  APPLICATION_FORM: R,
};
const commitment: DocRequirement = { need: 'C', when: 'ANYTHING_DEFERRED' };
const legalRepByContract: DocRequirement = { need: 'C', when: 'ORGANISATION', deferrable: true, due: 'CONTRACT' };
const importantLoad: DocRequirement = { need: 'C', when: 'IMPORTANT_CUSTOMER', deferrable: true, due: 'SCHEME' };

export const DEFAULT_DOC_MATRIX: DocMatrix = {
  LVR_CONNECT: { ...BASE, COMMITMENT: commitment, PROPERTY: dUntil('METER_CONNECT'), CONTRACT: rBy('METER_CONNECT') },
  LVN_CONNECT: {
    ...BASE,
    COMMITMENT: commitment,
    PROPERTY: dUntil('SURVEY'),
    LEGAL_REP_ID: legalRepByContract,
    LOAD_LIST: dUntil('SURVEY'),
    CONTRACT: rBy('METER_CONNECT'),
  },
  HV_CONNECT: {
    ...BASE,
    COMMITMENT: commitment,
    PROPERTY: dUntil('SCHEME'),
    LEGAL_REP_ID: legalRepByContract,
    PROJECT_APPROVAL: { ...maybe, due: 'COMPLETION_CHECK' },
    LOAD_LIST: dUntil('SURVEY'),
    IMPORTANT_LOAD: importantLoad,
    DESIGN: { ...maybe, due: 'DESIGN_REVIEW' },
    CONTRACTOR: rBy('MID_INSPECTION'),
    CONCEALED_WORKS: { ...maybe, due: 'MID_INSPECTION' },
    COMPLETION: rBy('COMPLETION_CHECK'),
    CONTRACT: rBy('METER_CONNECT'),
  },
  TEMP: {
    ...BASE,
    COMMITMENT: commitment,
    PROPERTY: dUntil('SURVEY'),
    LEGAL_REP_ID: legalRepByContract,
    PROJECT_APPROVAL: { ...maybe, due: 'METER_CONNECT' },
    LOAD_LIST: dUntil('SURVEY'),
    TEMP_PROOF: dUntil('METER_CONNECT'),
    DESIGN: maybe,
    CONTRACTOR: maybe,
    COMPLETION: maybe,
    CONTRACT: rBy('METER_CONNECT'),
  },
  CAPACITY_CHANGE: {
    ...BASE,
    LEGAL_REP_ID: maybe,
    DESIGN: maybe,
    CONTRACTOR: maybe,
    COMPLETION: maybe,
    CONTRACT: rBy('ARCHIVE'),
  },
  RENAME: { ...BASE, LEGAL_REP_ID: maybe, CONTRACT: rBy('ARCHIVE'), NAME_CHANGE: R, ARREARS_CLEAR: rBy('ARCHIVE') },
  TRANSFER: {
    ...BASE,
    PROPERTY: R,
    LEGAL_REP_ID: maybe,
    CONTRACT: rBy('ARCHIVE'),
    TITLE_TRANSFER: R,
    // "R before ACCEPT completes": required as soon as the application leaves acceptance.
    ARREARS_CLEAR: rBy('SURVEY'),
  },
  SPLIT_MERGE: {
    ...BASE,
    PROPERTY: R,
    LEGAL_REP_ID: maybe,
    LOAD_LIST: dUntil('SURVEY'),
    DESIGN: maybe,
    CONTRACTOR: maybe,
    COMPLETION: maybe,
    CONTRACT: rBy('METER_CONNECT'),
    SPLIT_MERGE_AGREEMENT: R,
    ARREARS_CLEAR: rBy('SURVEY'),
  },
  CLOSE: { ...BASE, LEGAL_REP_ID: maybe, CONTRACT: rBy('ARCHIVE'), ARREARS_CLEAR: rBy('ARCHIVE') },
  RELOC: {
    ...BASE,
    COMMITMENT: commitment,
    PROPERTY: dUntil('SURVEY'),
    LEGAL_REP_ID: maybe,
    PROJECT_APPROVAL: maybe,
    LOAD_LIST: dUntil('SURVEY'),
    IMPORTANT_LOAD: importantLoad,
    DESIGN: maybe,
    CONTRACTOR: maybe,
    COMPLETION: maybe,
    CONTRACT: rBy('METER_CONNECT'),
    ARREARS_CLEAR: rBy('ARCHIVE'),
  },
  TARIFF_CHANGE: {
    ...BASE,
    PROPERTY: maybe,
    LEGAL_REP_ID: maybe,
    LOAD_LIST: maybe,
    CONTRACT: rBy('ARCHIVE'),
    USE_CHANGE_PROOF: dUntil('SURVEY'),
  },
  VOLT_CHANGE: {
    ...BASE,
    COMMITMENT: commitment,
    LEGAL_REP_ID: maybe,
    PROJECT_APPROVAL: maybe,
    LOAD_LIST: dUntil('SURVEY'),
    IMPORTANT_LOAD: importantLoad,
    DESIGN: maybe,
    CONTRACTOR: maybe,
    CONCEALED_WORKS: maybe,
    COMPLETION: rBy('COMPLETION_CHECK'),
    CONTRACT: rBy('METER_CONNECT'),
  },
  OTHER_CHANGE: { ...BASE },
};
