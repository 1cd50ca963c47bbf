/**
 * 供电方案 supply scheme: the content of one scheme version (REFERENCE.md §6.2), stored as JSON per version and
 * printed on the 供电方案答复单 and in the contract. Shape only; the meaning is checked by the rule catalogue.
 * Codes follow the SG master data (SRC-SG-CODES) so the export and HQ read the same values.
 */
import { z } from 'zod';
import {
  CAPACITY_CHARGE_BASES,
  IMPORTANCE_CODES,
  LOAD_GRADES,
  METERING_METHODS,
  POWER_FACTOR_STANDARDS,
  TARIFF_CATEGORIES,
  TARIFF_STRUCTURES,
  VOLTAGE_CODES,
  transformerSchema,
} from './application';

/** 电源性质: 10 主供, 11 常用互为备用, 20 备用, 21 生产备用, 22 检修备用, 30 保安, 31 电网保安, 32 客户自备保安. */
export const SOURCE_NATURE_CODES = ['10', '11', '20', '21', '22', '30', '31', '32'] as const;
/** 进线方式: 01 架空 … 07 电缆架空混合. */
export const INCOMING_METHOD_CODES = ['01', '02', '03', '04', '05', '06', '07'] as const;
/** 线路产权: 01 公用线路, 02 客户专线. */
export const LINE_OWNERSHIP_CODES = ['01', '02'] as const;
/** 运行维护: 01 供电企业, 02 客户自行, 03 客户委托, 04 无. */
export const MAINTENANCE_CODES = ['01', '02', '03', '04'] as const;
/** 电源间运行方式: 01 冷备, 02 热备, 03 常用互为备用. */
export const SOURCE_MODE_CODES = ['01', '02', '03'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number) => z.string().min(1).max(max);
const fen = z.number().int().nonnegative();

export const schemeSourceSchema = z.object({
  no: text(16).describe('电源编号'),
  nature: z.enum(SOURCE_NATURE_CODES).describe('电源性质'),
  substation: text(128).describe('电源变电站'),
  line: text(128).describe('线路及间隔'),
  voltageCode: z.enum(VOLTAGE_CODES).describe('供电电压'),
  capacityKva: z.number().positive().describe('供电容量 (kVA)'),
  incomingMethod: z.enum(INCOMING_METHOD_CODES).optional().describe('进线方式'),
  lineOwnership: z.enum(LINE_OWNERSHIP_CODES).optional().describe('线路产权'),
  maintenance: z.enum(MAINTENANCE_CODES).optional().describe('运行维护'),
  /** Where utility and customer assets meet; the default place of performance (民法典 art 650). */
  boundaryPoint: text(256).describe('产权分界点'),
});

export const meteringPointSchema = z.object({
  no: text(16).describe('计量点编号'),
  method: z.enum(METERING_METHODS).describe('计量方式'),
  position: text(256).describe('计量装置安装位置'),
  tariffCategory: z.enum(TARIFF_CATEGORIES).describe('电价类别'),
  meterAccuracy: text(16).describe('电能表精度'),
  meterSpec: text(128).describe('电能表规格及接线方式'),
  ctAccuracy: text(16).optional().describe('电流互感器精度'),
  ctRatio: text(16).optional().describe('电流互感器变比'),
  ptRatio: text(16).optional().describe('电压互感器变比'),
  /** 定量定比: share of a mixed point billed at another tariff; absent when the point is single-use. */
  splitRule: text(128).optional().describe('定量定比'),
  /** R-MET-04: the meter sits at the ownership boundary; when not, who bears the line/transformer losses. */
  atBoundary: z.boolean().optional().describe('装于产权分界处'),
  lossAgreement: text(256).optional().describe('线损、变损承担约定'),
});

export const schemeFeeSchema = z.object({
  name: text(64).describe('费用名称'),
  unitPriceFen: fen.describe('单价 (分)'),
  quantity: z.number().nonnegative().describe('数量/容量'),
  unit: text(16).describe('计量单位'),
  amountFen: fen.describe('应收金额 (分)'),
  /** The price-authority document that allows the fee; a fee without a basis must not be charged. */
  basis: text(256).describe('收费依据'),
});

export const schemeDeadlineSchema = z.object({
  item: text(128).describe('事项'),
  due: isoDate.describe('期限'),
});

export const supplySchemeSchema = z.object({
  schemeNo: text(32).describe('方案编号'),
  replyDate: isoDate.describe('答复日期'),
  validityMonths: z.number().int().positive().describe('方案有效期 (月)'),
  voltageCode: z.enum(VOLTAGE_CODES).describe('核定供电电压'),
  approvedCapacityKw: z.number().positive().optional().describe('核定容量 (kW)'),
  approvedCapacityKva: z.number().positive().optional().describe('核定容量 (kVA)'),
  phases: z.enum(['1', '3']).optional().describe('相数'),
  /** With the capacity, decides the metering class the meter and CT accuracy follow (R-MET-06, DL/T 448). */
  expectedMonthlyKwh: z.number().nonnegative().optional().describe('预计月用电量 (kWh)'),
  loadGrade: z.enum(LOAD_GRADES).describe('负荷等级'),
  importance: z.enum(IMPORTANCE_CODES).describe('拟定客户分级'),
  sources: z.array(schemeSourceSchema).min(1).max(10).describe('供电电源'),
  sourceMode: z.enum(SOURCE_MODE_CODES).optional().describe('电源间运行方式'),
  receiving: z
    .object({
      pointType: text(32).describe('受电点类型'),
      mainWiring: text(256).describe('主接线方式'),
      transformers: z.array(transformerSchema).max(100).describe('受电变压器'),
      hvMotorKw: z.number().nonnegative().optional().describe('高压电动机容量 (kW)'),
    })
    .optional()
    .describe('受电系统'),
  metering: z.array(meteringPointSchema).min(1).max(50).describe('计量点'),
  collectionTerminal: text(64).optional().describe('用电信息采集终端'),
  billing: z
    .object({
      tariffCategory: z.enum(TARIFF_CATEGORIES).describe('电价类别'),
      structure: z.enum(TARIFF_STRUCTURES).describe('电价制度'),
      capacityChargeBasis: z.enum(CAPACITY_CHARGE_BASES).optional().describe('基本电费计费方式'),
      contractDemandKw: z.number().positive().optional().describe('合同最大需量 (kW)'),
      powerFactorStandard: z.enum(POWER_FACTOR_STANDARDS).describe('功率因数考核标准'),
      timeOfUse: z.boolean().describe('执行分时电价'),
    })
    .describe('电价电费'),
  security: z
    .object({
      securityLoadKw: z.number().nonnegative().describe('保安负荷 (kW)'),
      emergencySourceKw: z.number().nonnegative().describe('自备应急电源容量 (kW)'),
      measures: text(512).describe('非电保安措施'),
    })
    .optional()
    .describe('保安电源与应急措施'),
  technicalRequirements: z.array(text(512)).max(100).describe('技术要求'),
  customerWorks: z.array(text(256)).max(100).describe('客户受电工程'),
  gridWorks: z.array(text(256)).max(100).describe('电网配套工程'),
  /** "三零" service: the grid-side works are the utility's and no fee is charged (SRC-1479). */
  threeZero: z.boolean().describe('三零服务'),
  fees: z.array(schemeFeeSchema).max(50).describe('营业费用'),
  /** Why a scheme with more than one source charges no 高可靠性供电费 (e.g. the second source is the customer's own). */
  highReliabilityFeeWaiver: text(256).optional().describe('不收取高可靠性供电费的理由'),
  deadlines: z.array(schemeDeadlineSchema).max(50).describe('办理时限'),
  remarks: z.string().max(1000).optional().describe('备注'),
});

/** 供电方案 supply scheme (content of one version). */
export type SupplyScheme = z.infer<typeof supplySchemeSchema>;
export type SchemeSource = z.infer<typeof schemeSourceSchema>;
export type MeteringPoint = z.infer<typeof meteringPointSchema>;
export type SchemeFee = z.infer<typeof schemeFeeSchema>;
