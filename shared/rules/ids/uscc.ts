/**
 * 统一社会信用代码 (GB 32100-2015), REFERENCE.md §5.1.3. Positions 1–8 may hold letters (R-UC-08): the
 * registration-authority codes A, N and Y exist, so only the charset is required there.
 */
import { normalizeIdNumber } from '../../domain/normalize';
import { isValidOrgCode } from './orgCode';
import { isProvinceLevelCode } from './regions';
import { MAX_ID_INPUT, type IdCheck, type IdProblem } from './problem';

/** The 31 allowed characters (no I, O, S, V, Z); the index is the character's value. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights 3^(i−1) mod 31 for positions 1…17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Registration authority (position 1) → allowed organisation categories (position 2), with their names. */
export const USCC_CATEGORIES: Readonly<Record<string, { authority: string; types: Record<string, string> }>> = {
  '1': { authority: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '群众团体', '9': '其他' } },
  '2': { authority: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    authority: '司法行政',
    types: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { authority: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { authority: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    authority: '旅游',
    types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻代表机构', '9': '其他' },
  },
  '7': { authority: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { authority: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { authority: '市场监管', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { authority: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: {
    authority: '农业',
    types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  Y: { authority: '其他', types: { '1': '其他' } },
};

/** The stored form (shared/domain/normalize.ts): the check and the store must agree on it. */
export const normalizeUscc = normalizeIdNumber;

/** The check character for the first 17 characters (all must be in the charset). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i] as string) * (WEIGHTS[i] as number);
  return CHARSET[(31 - (sum % 31)) % 31] as string;
}

const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/**
 * Known pre-standard pilot codes (Fujian/Xiamen, testdata NOTES.md USCC item 1): enterprise codes of
 * province 35 whose body passes GB 11714 but whose check character does not follow GB 32100.
 */
function looksLikeFujianPilot(code: string): boolean {
  return /^9[12]35/.test(code) && isValidOrgCode(code.slice(8, 17));
}

export function checkUscc(raw: string): IdCheck {
  if (raw.length > MAX_ID_INPUT) return { normalized: '', problems: [error('R-UC-01', 'length')] };
  const normalized = normalizeUscc(raw);
  if (normalized.length !== 18) return { normalized, problems: [error('R-UC-01', 'length')] };
  if (!FORMAT.test(normalized)) return { normalized, problems: [error('R-UC-01', 'charset')] };

  const problems: IdProblem[] = [];
  const expected = usccCheckChar(normalized);
  if (normalized[17] !== expected) {
    problems.push(
      looksLikeFujianPilot(normalized)
        ? { ruleId: 'R-UC-06', severity: 'warning', key: 'main', params: { expected } }
        : error('R-UC-02', 'main', { expected }),
    );
  }
  const category = USCC_CATEGORIES[normalized[0] as string];
  if (!category || !Object.hasOwn(category.types, normalized[1] as string)) {
    problems.push(warning('R-UC-03', 'main', { pair: normalized.slice(0, 2) }));
  }
  const region = normalized.slice(2, 8);
  if (!/^\d{6}$/.test(region) || !isProvinceLevelCode(region.slice(0, 2))) {
    problems.push(warning('R-UC-04', 'main', { region }));
  }
  if (!isValidOrgCode(normalized.slice(8, 17))) problems.push(warning('R-UC-05', 'main'));
  return { normalized, problems, kind: normalized.slice(0, 2) };
}

function error(ruleId: string, key: string, params?: Record<string, string>): IdProblem {
  return { ruleId, severity: 'error', key, params };
}

function warning(ruleId: string, key: string, params?: Record<string, string>): IdProblem {
  return { ruleId, severity: 'warning', key, params };
}
