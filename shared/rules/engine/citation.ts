/**
 * 依据: the source of a rule as a clerk can tell it to a customer — the regulation and article REFERENCE.md cites
 * (its §0.2 source catalogue), or, where REFERENCE marks the value [M] (text not checked) or proposes it [P],
 * that the value is a province setting. Derived from each rule's `source`, so the two cannot drift apart.
 */

/** REFERENCE.md §0.2 source ids → the document's Chinese name. */
const DOCUMENTS: Readonly<Record<string, string>> = {
  'SRC-GDYY1996': '《供电营业规则》（1996年，电力工业部令第8号）',
  'SRC-GDYY2024': '《供电营业规则》（2024年，国家发展改革委令第14号）',
  'SRC-TL': '《电力供应与使用条例》',
  'SRC-MFD': '《中华人民共和国民法典》',
  'SRC-GDJG': '《供电监管办法》',
  'SRC-1583': '《关于完善两部制电价用户基本电价执行方式的通知》（发改办价格〔2016〕1583号）',
  'SRC-526': '《关于第三监管周期省级电网输配电价及有关事项的通知》（发改价格〔2023〕526号）',
  'SRC-973': '《关于调整销售电价分类结构有关问题的通知》（发改价格〔2013〕973号）',
  'SRC-1439': '发改价格〔2021〕1439号',
  'SRC-1479': '《关于全面提升“获得电力”服务水平 持续优化用电营商环境的意见》（发改能源规〔2020〕1479号）',
  'SRC-SH': '上海市低压非居民用户接入措施（2024）',
  'SRC-SG-RULES': '《国家电网公司业扩报装管理规则》',
  'SRC-SG-CODES': '国家电网营销业务主数据代码',
  'SRC-SG186-DDL': '国家电网营销系统（SG186）客户档案规范',
  'SRC-HUHAO': '国家电网营销2.0户号编码',
  'SRC-GB11643': 'GB 11643-1999《公民身份号码》',
  'SRC-GB32100': 'GB 32100-2015《法人和其他组织统一社会信用代码编码规则》',
  'SRC-GB11714': 'GB 11714-1997《全国组织机构代码编制规则》',
  'SRC-GB2260': 'GB/T 2260《中华人民共和国行政区划代码》',
  'SRC-GB4754': 'GB/T 4754-2017《国民经济行业分类》',
  'SRC-GB50052': 'GB 50052-2009《供配电系统设计规范》',
  'SRC-GBZ29328': 'GB/Z 29328-2012《重要电力用户供电电源及自备应急电源配置技术规范》',
  'SRC-DLT448': 'DL/T 448-2016《电能计量装置技术管理规程》',
  'SRC-PF1983': '《功率因数调整电费办法》（（83）水电财字第215号）',
  'SRC-HOL': '《全国年节及纪念日放假办法》',
  'SRC-PHONE': '电信网码号资源（号段）公开数据',
};

/** Documents named in a source without a catalogue id. */
const NAMED: readonly [RegExp, string][] = [
  [/国家电网营销〔2015〕70号/, '国家电网营销〔2015〕70号（一证受理）'],
  [/供电方案编制导则/, '国家电网业扩供电方案编制导则'],
];

/** One cited document: `SRC-X`, optionally `art N` / `arts N–M` / `§N.N`, optionally a confidence tag. */
const PART = /(SRC-[A-Z0-9]+(?:-[A-Z0-9]+)*)(?:\s+(arts?)\s+([\d–-]+))?(?:\s+(§[\d.]+))?(?:[^;；\]]*?\[([VSMP])\])?/g;

export const PROVINCE_SETTING = '省级参数（省级规则配置，可由省公司调整）';

/** The Chinese 依据 of a rule's `source`. */
export function citationOf(source: string): string {
  const cited: string[] = [];
  let unchecked = /\[M\]/.test(source);
  for (const match of source.matchAll(PART)) {
    const [, id, arts, articles, clause, tag] = match;
    const name = DOCUMENTS[id as string];
    if (!name) continue;
    if (tag === 'M') unchecked = true;
    const where = articles ? `第${articles.replace('-', '–')}条` : clause ? `第${clause.slice(1)}条` : '';
    if (arts === undefined || articles) cited.push(name + where);
  }
  for (const [pattern, name] of NAMED) if (pattern.test(source)) cited.push(name);
  const unique = [...new Set(cited)];
  if (unique.length === 0) return PROVINCE_SETTING;
  const text = unique.join('；');
  return unchecked ? `${text}；数值为省级参数（条文待核）` : text;
}
