/**
 * 业扩申请 application record as entered by a clerk (and as carried by IPC, CLI files and the export).
 * This schema checks shape only (types, enums, lengths); the meaning of the values is checked by the rule
 * catalogue in shared/rules, which reports every problem at once with its rule id.
 */
import { z } from 'zod';
import { BUSINESS_TYPES, CUSTOMER_CLASSES, STAGES } from './codes';

/** Supply-voltage codes, SG master-data values (REFERENCE.md §5.1.12). */
export const VOLTAGE_CODES = [
  'AC02202',
  'AC03802',
  'AC00061',
  'AC00101',
  'AC00201',
  'AC02751',
  'AC00351',
  'AC00661',
  'AC01101',
  'AC02201',
  'AC05001',
  'AC07501',
] as const;
export type VoltageCode = (typeof VOLTAGE_CODES)[number];
/** Low voltage (220 V, 380 V); every other code is high voltage. */
export const LOW_VOLTAGE_CODES: readonly VoltageCode[] = VOLTAGE_CODES.slice(0, 2);

/** Identity document types. RIC = 居民身份证; USCC = 统一社会信用代码. */
export const ID_TYPES = ['RIC', 'HMT_RESIDENCE_PERMIT', 'FOREIGN_PR', 'PASSPORT', 'USCC', 'ORG_OTHER'] as const;
export type IdType = (typeof ID_TYPES)[number];

/** 电价类别 (REFERENCE.md §5.3.2): three national categories plus the legacy split of 工商业. */
export const TARIFF_CATEGORIES = [
  'RESIDENTIAL',
  'AGRICULTURE',
  'COMMERCIAL_INDUSTRIAL',
  'LARGE_INDUSTRY',
  'GENERAL_CI',
] as const;
export type TariffCategory = (typeof TARIFF_CATEGORIES)[number];

export const TARIFF_STRUCTURES = ['SINGLE', 'TWO_PART'] as const;
export const CAPACITY_CHARGE_BASES = ['CAPACITY', 'CONTRACT_DEMAND', 'ACTUAL_DEMAND'] as const;
export const LOAD_GRADES = ['FIRST_SPECIAL', 'FIRST', 'SECOND', 'THIRD'] as const;
/** 重要用户等级 SG codes: 01 特级, 02 一级, 03 二级, 04 临时性, 05 非重要. */
export const IMPORTANCE_CODES = ['01', '02', '03', '04', '05'] as const;
export const SUPPLY_NATURES = ['MAIN', 'STANDBY', 'SECURITY'] as const;
/** 计量方式: 1 高供高计, 2 高供低计, 3 低供低计. */
export const METERING_METHODS = ['1', '2', '3'] as const;
/** 城乡标志: 01 城区, 02 农村, 03 特殊边远地区. */
export const AREA_TYPES = ['URBAN', 'RURAL', 'REMOTE'] as const;
export const POWER_FACTOR_STANDARDS = ['NONE', '0.80', '0.85', '0.90'] as const;

/** Document codes (REFERENCE.md §4.2). */
export const DOCUMENT_CODES = [
  'ID_PERSON',
  'ID_ENTITY',
  'PROPERTY',
  'AGENT',
  'LEGAL_REP_ID',
  'COMMITMENT',
  'APPLICATION_FORM',
  'PROJECT_APPROVAL',
  'LOAD_LIST',
  'IMPORTANT_LOAD',
  'TEMP_PROOF',
  'DESIGN',
  'CONTRACTOR',
  'CONCEALED_WORKS',
  'COMPLETION',
  'CONTRACT',
  'NAME_CHANGE',
  'TITLE_TRANSFER',
  'SPLIT_MERGE_AGREEMENT',
  'USE_CHANGE_PROOF',
  'ARREARS_CLEAR',
] as const;
export type DocumentCode = (typeof DOCUMENT_CODES)[number];
export const DOCUMENT_STATUSES = ['RECEIVED', 'DEFERRED', 'WAIVED'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number) => z.string().max(max);

export const personRefSchema = z.object({
  name: text(256).describe('姓名'),
  /** Defaults to RIC (居民身份证) when absent. */
  idType: z.enum(ID_TYPES).optional().describe('证件类型'),
  idNumber: text(64).describe('证件号码'),
  phone: text(32).optional().describe('电话'),
});

export const customerSchema = z.object({
  kind: z.enum(['PERSON', 'ORG']).describe('客户类型'),
  name: text(256).describe('户名'),
  idType: z.enum(ID_TYPES).describe('证件类型'),
  idNumber: text(64).describe('证件号码'),
  phone: text(32).describe('联系电话'),
  landline: text(32).optional().describe('固定电话'),
  legalRep: personRefSchema.optional().describe('法定代表人'),
  agent: personRefSchema.optional().describe('经办人'),
  /** The customer's side of the contract's party block and notice clause (REFERENCE.md §7.3 A.1). */
  address: text(512).optional().describe('通讯地址'),
  email: text(128).optional().describe('电子邮箱'),
  bankAccount: text(128).optional().describe('开户银行及账号'),
});

export const siteSchema = z.object({
  regionCode: text(6).optional().describe('行政区划代码'),
  address: text(512).describe('用电地址'),
  postalCode: text(6).optional().describe('邮政编码'),
  /** 城乡标志 (REFERENCE.md Appendix B): the LV three-phase limit differs (§5.3.1 R-VC-03). */
  areaType: z.enum(AREA_TYPES).optional().describe('城乡类别'),
  /** 供电点: the 台区 (LV) or line and bay (HV) that serves the site; 迁址 compares it with the old one (R-CHG-16). */
  supplyPoint: text(128).optional().describe('供电点'),
});

export const transformerSchema = z.object({
  ratingKva: z.number().describe('变压器容量 (kVA)'),
  count: z.number().int().min(1).describe('台数'),
});

export const supplySourceSchema = z.object({
  nature: z.enum(SUPPLY_NATURES).describe('电源性质'),
  substation: text(128).describe('电源变电站'),
  line: text(128).optional().describe('线路'),
  capacityKva: z.number().optional().describe('供电容量 (kVA)'),
});

export const tariffSchema = z.object({
  category: z.enum(TARIFF_CATEGORIES).describe('电价类别'),
  structure: z.enum(TARIFF_STRUCTURES).optional().describe('电价制度'),
  capacityChargeBasis: z.enum(CAPACITY_CHARGE_BASES).optional().describe('基本电费计费方式'),
  contractDemandKw: z.number().optional().describe('合同最大需量 (kW)'),
  choiceFormSigned: z.boolean().optional().describe('已签电价选择确认单'),
});

export const meteringSchema = z.object({
  method: z.enum(METERING_METHODS).describe('计量方式'),
  ctRatio: text(16).optional().describe('电流互感器变比'),
  ptRatio: text(16).optional().describe('电压互感器变比'),
  meterMultiplier: z.number().optional().describe('电能表自身倍率'),
  overallMultiplier: z.number().optional().describe('综合倍率'),
  /** With the capacity, decides the metering class and so the meter and CT accuracy (R-MET-06, DL/T 448). */
  expectedMonthlyKwh: z.number().nonnegative().optional().describe('预计月用电量 (kWh)'),
});

export const documentEntrySchema = z.object({
  code: z.enum(DOCUMENT_CODES).describe('资料'),
  status: z.enum(DOCUMENT_STATUSES).describe('资料状态'),
  dueStage: z.enum(STAGES).optional().describe('容缺补交期限环节'),
  reason: text(512).optional().describe('说明'),
});

/** 并户: another account merged into this one, with its capacity in the class's unit (R-CHG-15). */
export const mergedAccountSchema = z.object({
  accountNo: text(16).describe('户号'),
  capacityKw: z.number().optional().describe('容量 (kW)'),
  capacityKva: z.number().optional().describe('容量 (kVA)'),
});

/** What the hall knows of the existing service, for change-of-use types (filled from the account). */
export const existingServiceSchema = z.object({
  capacityKw: z.number().optional().describe('原容量 (kW)'),
  capacityKva: z.number().optional().describe('原容量 (kVA)'),
  transformers: z.array(transformerSchema).max(100).optional().describe('原变压器'),
  voltageCode: z.enum(VOLTAGE_CODES).optional().describe('原供电电压'),
  tariffCategory: z.enum(TARIFF_CATEGORIES).optional().describe('原电价类别'),
  tariffStructure: z.enum(TARIFF_STRUCTURES).optional().describe('原电价制度'),
  address: text(512).optional().describe('原用电地址'),
  supplyPoint: text(128).optional().describe('原供电点'),
  /** 并户: the other accounts merged into this one; the capacity after may not exceed the sum (R-CHG-15). */
  mergedAccounts: z.array(mergedAccountSchema).max(20).optional().describe('并入户'),
  arrearsFen: z.number().int().optional().describe('欠费 (分)'),
  suspensionsThisYear: z
    .object({ count: z.number().int(), days: z.number().int() })
    .optional()
    .describe('本年度暂停次数与天数'),
  lastReductionDate: isoDate.optional().describe('上次减容日期'),
  lastSuspensionDate: isoDate.optional().describe('上次暂停日期'),
  /** When the temporary supply began under its base 临时用电 application: the 3-year cap counts from it. */
  temporaryStartDate: isoDate.optional().describe('临时用电开始日期'),
  temporaryEndDate: isoDate.optional().describe('临时用电到期日'),
  meterRemovedDate: isoDate.optional().describe('暂拆日期'),
  /** 过户: the owner before the transfer, as the 户号 lookup found it (the new owner is `customer`). */
  holder: z
    .object({
      name: text(256).describe('原户名'),
      idType: z.enum(ID_TYPES).optional().describe('原证件类型'),
      idNumber: text(64).optional().describe('原证件号码'),
      legalRepName: text(256).optional().describe('原法定代表人'),
    })
    .optional()
    .describe('原户主（过户前）'),
  /** 销户/过户: the reading at the final meter reading, stated in the 终止协议 (REFERENCE.md §3.2 CLOSE). */
  finalMeterReading: z.number().nonnegative().optional().describe('最终抄见示数 (kWh)'),
  /** 保证金 or prepaid balance held for the account, settled in the 终止协议. */
  depositFen: z.number().int().nonnegative().optional().describe('保证金 (分)'),
});

/**
 * 三不指定 (REFERENCE.md §5.3.7 R-GATE-05, §8 DESIGN / WORKS): the utility may not designate who designs, builds or
 * equips the customer's receiving works. How each party was chosen: 客户自主选择 or 其他 (anything else, e.g.
 * recommended by utility staff), which R-GATE-05 flags and the risk detectors count.
 */
export const WORKS_PARTY_CHOICES = ['CUSTOMER_CHOICE', 'OTHER'] as const;
export type WorksPartyChoice = (typeof WORKS_PARTY_CHOICES)[number];

export const worksPartySchema = z.object({
  name: text(128).describe('单位名称'),
  choice: z.enum(WORKS_PARTY_CHOICES).optional().describe('选择方式'),
});

/** The parties of the receiving works, in the order forms, rules and documents list them. */
export const WORKS_PARTY_ROLES = ['designer', 'contractor', 'equipmentSupplier'] as const;
export type WorksPartyRole = (typeof WORKS_PARTY_ROLES)[number];

/** 受电工程 the customer's receiving works: its 设计单位, 施工单位 and 主要设备供应商, recorded at CUSTOMER_WORKS. */
export const customerWorksSchema = z.object({
  designer: worksPartySchema.optional().describe('设计单位'),
  contractor: worksPartySchema.optional().describe('施工单位'),
  equipmentSupplier: worksPartySchema.optional().describe('主要设备供应商'),
});

/** R-IMP-06: an important customer keeps these loads apart, each pair on separate circuits. */
export const separateCircuitsSchema = z.object({
  importantFromOrdinary: z.boolean().optional().describe('重要负荷与一般负荷分回路'),
  productionFromLiving: z.boolean().optional().describe('生产负荷与生活负荷分回路'),
});

/**
 * 装表接电记录: where the meter was installed, recorded at METER_CONNECT (R-MET-04). A meter away from the ownership
 * boundary needs the agreed bearing of the line and transformer losses between them (电力供应与使用条例 art 26).
 */
export const meterInstallationSchema = z.object({
  atBoundary: z.boolean().optional().describe('计量装置装于产权分界处'),
  lossAgreement: text(256).optional().describe('线损、变损承担约定'),
});

export const acknowledgementSchema = z.object({
  ruleId: text(32).describe('规则编号'),
  reason: text(512).describe('确认理由'),
});

export const applicationInputSchema = z.object({
  businessType: z.enum(BUSINESS_TYPES).describe('业务类型'),
  customerClass: z.enum(CUSTOMER_CLASSES).describe('用户分类'),
  customer: customerSchema.describe('客户'),
  accountNo: text(16).optional().describe('户号'),
  accountExternal: z.boolean().optional().describe('户号来自外部系统'),
  site: siteSchema.describe('用电地址'),
  voltageCode: z.enum(VOLTAGE_CODES).describe('供电电压'),
  requestedCapacityKw: z.number().optional().describe('申请容量 (kW)'),
  requestedCapacityKva: z.number().optional().describe('申请容量 (kVA)'),
  transformers: z.array(transformerSchema).max(100).optional().describe('变压器'),
  hvMotorKw: z.number().optional().describe('高压电动机容量 (kW)'),
  maxDemandKw: z.number().optional().describe('最大负荷 (kW)'),
  singlePhaseEquipmentKw: z.number().optional().describe('单相设备容量 (kW)'),
  maxSingleWelderKw: z.number().optional().describe('单台电焊机/换流设备容量 (kW)'),
  tariff: tariffSchema.describe('电价'),
  industryCode: text(8).optional().describe('国民经济行业分类'),
  utilityIndustryCode: text(8).optional().describe('行业用电分类'),
  loadGrade: z.enum(LOAD_GRADES).optional().describe('负荷等级'),
  importance: z.enum(IMPORTANCE_CODES).optional().describe('重要用户等级'),
  supplies: z.array(supplySourceSchema).max(10).optional().describe('供电电源'),
  securityLoadKw: z.number().optional().describe('保安负荷 (kW)'),
  /** Important customers: which loads are on circuits of their own (REFERENCE.md §5.3.4 R-IMP-06). */
  separateCircuits: separateCircuitsSchema.optional().describe('负荷分回路'),
  emergencySourceKw: z.number().optional().describe('自备应急电源容量 (kW)'),
  metering: meteringSchema.optional().describe('计量'),
  powerFactorStandard: z.enum(POWER_FACTOR_STANDARDS).optional().describe('功率因数考核标准'),
  applicationDate: isoDate.describe('申请日期'),
  desiredConnectionDate: isoDate.optional().describe('期望接电日期'),
  effectiveDate: isoDate.optional().describe('变更生效日期'),
  endDate: isoDate.optional().describe('截止日期'),
  /** 临时用电: what the supply is for and for which project, stated in the contract (REFERENCE.md §7.3 D). */
  purpose: text(256).optional().describe('用电用途及项目'),
  oneCertificate: z.boolean().optional().describe('一证受理'),
  /** ≥ 110 kV: terminal-substation design approved at provincial-grid level (REFERENCE.md §5.3.1 R-VC-06). */
  provincialApproval: z.boolean().optional().describe('省级电网审批'),
  completionCheckPassed: z.boolean().optional().describe('竣工检验合格'),
  customerWorks: customerWorksSchema.optional().describe('受电工程（三不指定）'),
  meterInstallation: meterInstallationSchema.optional().describe('装表接电记录'),
  // Lists are bounded (here and in every boundary schema): a small request must not get a huge refusal back.
  documents: z.array(documentEntrySchema).max(100).describe('资料清单'),
  existing: existingServiceSchema.optional().describe('原用电信息'),
  acknowledgements: z.array(acknowledgementSchema).max(200).optional().describe('已确认的警告'),
  notes: text(2000).optional().describe('备注'),
  /** 特别约定 of the contract, printed as its own article (无 when empty); edited like any field, so audited. */
  specialTerms: text(2000).optional().describe('合同特别约定'),
});

export type ApplicationInput = z.infer<typeof applicationInputSchema>;
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;
export type CustomerInput = z.infer<typeof customerSchema>;
export type DocumentEntry = z.infer<typeof documentEntrySchema>;
export type CustomerWorks = z.infer<typeof customerWorksSchema>;
