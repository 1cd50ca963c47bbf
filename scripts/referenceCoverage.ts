/**
 * Every rule id of REFERENCE.md §5, and for those the rule catalogue does not carry under the same id: where they
 * are enforced instead, or why they are deliberately left out. docs/rules.md lists all of them; the rulesDoc test
 * fails when an id is neither in the catalogue nor here.
 */
export const REFERENCE_RULE_IDS: readonly string[] = [
  ...['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((n) => `R-ID-${n}`),
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((n) => `R-UC-${n}`),
  'R-PH-01',
  'R-PH-02',
  'R-AD-01',
  'R-AD-02',
  'R-AD-03',
  'R-HH-01',
  'R-HH-02',
  'R-HH-03',
  'R-IND-01',
  'R-IND-02',
  'R-NM-01',
  'R-DUP-01',
  ...['01', '02', '03', '04', '05', '06', '07'].map((n) => `R-VC-${n}`),
  ...['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((n) => `R-TAR-${n}`),
  'R-PF-01',
  ...['01', '02', '03', '04', '05'].map((n) => `R-LG-${n}`),
  ...['01', '02', '03', '04', '05', '06'].map((n) => `R-IMP-${n}`),
  ...['01', '02', '03', '04', '05', '06', '07'].map((n) => `R-MET-${n}`),
  ...Array.from({ length: 19 }, (_, i) => `R-CHG-${String(i + 1).padStart(2, '0')}`),
  ...['01', '02', '03', '04', '05'].map((n) => `R-GATE-${n}`),
];

/** Implemented outside the catalogue (not a finding on a record) — where. */
export const IMPLEMENTED_ELSEWHERE: Readonly<Record<string, string>> = {
  'R-ID-06': '实现：边界规范化（shared/domain/normalize.ts），小写 x 保存为大写，不是一条提示',
  'R-UC-08': '实现：统一社会信用代码只校验字符集，不要求前 8 位为数字（R-UC-01）',
  'R-GATE-02':
    '实现：供电方案版本（main/services/schemes.ts）——只有审批后的版本可答复，改动已审批方案须班长及以上并填写理由',
  'R-GATE-03': '实现：合同只由已审批方案生成，签约后方案锁定（main/services/documents/schemeGate.ts）',
  'R-GATE-04':
    '实现：供电方案有效期（shared/rules/schemeValidity.ts，main/services/schemeExtension.ts）——方案显示有效期至；受电工程开工前（供电方案、业务收费、设计审查环节）方案过期即不能推进；班长在到期前至少 10 天的客户申请上延期一次、不超过原有效期，记入审计；工作台列出 30 天内到期的方案',
  'R-MET-03':
    '实现：供电方案提示（shared/rules/schemeAdvice.ts，警告）——方案电价类别须有对应计量点，或计量点填写定量定比；方案表单即时显示，审批时仍存在的警告记入审计',
  'R-MET-04':
    '另在供电方案提示（shared/rules/schemeAdvice.ts，警告）中对拟定计量点同样提醒（拟定方案对高供低计默认不在分界处），审批时仍存在的警告记入审计',
  'R-MET-06':
    '实现：meteringClassFor 按容量和预计月用电量（任一达到门槛即归入该类）给出计量装置类别，拟定方案按其填写电能表、电流互感器精度；方案提示（shared/rules/schemeAdvice.ts，警告）在计量点精度低于要求时提醒，审批时仍存在的警告记入审计',
  'R-TAR-09':
    '实现：供电方案提示（shared/rules/schemeAdvice.ts，提示级）——按需量计收基本电费的两部制方案提示 260 千瓦时/千伏安、需量电价 90%',
};

/** Deliberately not implemented — why. */
export const LEFT_OUT: Readonly<Record<string, string>> = {
  'R-LG-04': '不实现：三级负荷无供电电源要求，没有可检查的内容',
};
