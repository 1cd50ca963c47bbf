/**
 * Province-level codes, the first two digits of GB/T 2260 (REFERENCE.md Appendix A). Only the province level is
 * checked: county codes change every year and checking them against a birth year gives false rejections
 * (testdata NOTES.md, RIC item 1); see docs/rules-policy.md.
 */
export const MAINLAND_PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
};

/** GB/T 2260 also lists 台湾 (71), 香港 (81), 澳门 (82); 83 is used only by Taiwan residents' residence permits. */
const OTHER_PROVINCE_LEVEL = new Set(['71', '81', '82']);

export const isMainlandProvince = (code: string): boolean => Object.hasOwn(MAINLAND_PROVINCES, code);

export const isProvinceLevelCode = (code: string): boolean =>
  isMainlandProvince(code) || OTHER_PROVINCE_LEVEL.has(code);
