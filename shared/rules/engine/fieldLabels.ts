/** Chinese names of field paths, for the {field} placeholder of messages (same words as the form labels). */
const LABELS: Readonly<Record<string, string>> = {
  businessType: '业务类型',
  customerClass: '用户分类',
  'customer.kind': '客户类型',
  'customer.name': '户名',
  'customer.idType': '证件类型',
  'customer.idNumber': '证件号码',
  'customer.phone': '联系电话',
  'customer.landline': '固定电话',
  'customer.legalRep.name': '法定代表人姓名',
  'customer.legalRep.idNumber': '法定代表人证件号码',
  'customer.legalRep.phone': '法定代表人电话',
  'customer.agent.name': '经办人姓名',
  'customer.agent.idNumber': '经办人证件号码',
  'customer.agent.phone': '经办人电话',
  accountNo: '户号',
  'site.regionCode': '行政区划代码',
  'site.address': '用电地址',
  'site.postalCode': '邮政编码',
  voltageCode: '供电电压',
  requestedCapacityKw: '申请容量（kW）',
  requestedCapacityKva: '申请容量（kVA）',
  transformers: '变压器',
  hvMotorKw: '高压电动机容量',
  maxDemandKw: '最大负荷',
  singlePhaseEquipmentKw: '单相设备容量',
  maxSingleWelderKw: '单台电焊机/换流设备容量',
  'tariff.category': '电价类别',
  'tariff.structure': '电价制度',
  'tariff.capacityChargeBasis': '基本电费计费方式',
  'tariff.contractDemandKw': '合同最大需量',
  'tariff.choiceFormSigned': '电价选择确认单',
  industryCode: '国民经济行业分类',
  loadGrade: '负荷等级',
  importance: '重要用户等级',
  supplies: '供电电源',
  securityLoadKw: '保安负荷',
  emergencySourceKw: '自备应急电源容量',
  'metering.method': '计量方式',
  'metering.ctRatio': '电流互感器变比',
  'metering.ptRatio': '电压互感器变比',
  'metering.overallMultiplier': '综合倍率',
  powerFactorStandard: '功率因数考核标准',
  applicationDate: '申请日期',
  desiredConnectionDate: '期望接电日期',
  effectiveDate: '变更生效日期',
  endDate: '截止日期',
  oneCertificate: '一证受理',
  provincialApproval: '省级电网审批',
  completionCheckPassed: '竣工检验结论',
  documents: '资料清单',
  stage: '办理环节',
};

export function fieldLabel(field: string): string {
  const known = LABELS[field];
  if (known) return known;
  const doc = /^documents\.(\d+)/.exec(field);
  if (doc) return `资料清单第 ${Number(doc[1]) + 1} 项`;
  if (field.startsWith('existing.')) return `原用电信息（${field.slice(9)}）`;
  return field || '申请记录';
}
