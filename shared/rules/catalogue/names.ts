/** 户名 and person names (REFERENCE.md §5.1.11): any Han character incl. rare ones, the minority-name dot. */
import defaults from '../profile/defaults.json';
import { WORKS_PARTY_ROLES } from '../../domain/application';
import type { Rule } from '../engine/types';
import { controlCharIn } from '../ids/controlChars';
import { isBlank } from './facts';

/** SG186 CONS_NAME is VARCHAR2(256) (REFERENCE.md §5.1.11); counted in characters, rare ones included. */
const MAX_NAME = defaults.identifiers.customerNameMaxLength.value;
const tooLong = (name: string): boolean => name.length > MAX_NAME && [...name].length > MAX_NAME;

/**
 * Person: Han characters (every CJK extension, so rare characters pass) optionally joined by a middle dot
 * (· U+00B7, and the look-alikes • ・ ‧ typed by common input methods), or a Latin-script name.
 */
const PERSON_NAME = /^(?:\p{Script=Han}+(?:[·•・‧]\p{Script=Han}+)*|[\p{Script=Latin}][\p{Script=Latin} .'·-]*)$/u;
/** Organisation: letters of any script, digits, brackets, the dot, and a few joiners used in licensed names. */
const ORG_NAME = /^[\p{L}\p{N}（）()〔〕[\]·•・‧&＆、.,，\- ]+$/u;

/** A name that R-TXT-01 reports (an invisible character) is not reported again by R-NM-02: one problem per cause. */
const hasControl = (text: string): boolean => controlCharIn(text) !== undefined;

export const nameRules: Rule[] = [
  {
    id: 'R-TXT-01',
    title: '户名、姓名、单位名称和地址不得含控制字符等不可见字符',
    severity: 'error',
    implements: '§5.1.11（名称与地址的字符）',
    fields: [
      'customer.name',
      'customer.legalRep.name',
      'customer.agent.name',
      'site.address',
      'existing.address',
      'customerWorks',
    ],
    source: 'REFERENCE §5.1.11 [P]',
    messages: {
      main: '{field}第 {position} 个字符是不可见的控制字符（{code}，多由复制粘贴带入），打印和查重时会出错；请删除该字符或重新录入。',
    },
    check(app, _env, report) {
      const { customer, site, existing, customerWorks } = app;
      const texts: [string, string | undefined][] = [
        ['customer.name', customer.name],
        ['customer.legalRep.name', customer.legalRep?.name],
        ['customer.agent.name', customer.agent?.name],
        ['site.address', site.address],
        ['existing.address', existing.address],
        ...WORKS_PARTY_ROLES.map((role): [string, string | undefined] => [
          `customerWorks.${role}.name`,
          customerWorks[role]?.name,
        ]),
      ];
      for (const [field, text] of texts) {
        const found = text === undefined ? undefined : controlCharIn(text);
        if (found) report(field, 'main', found);
      }
    },
  },
  {
    id: 'R-NM-02',
    title: '姓名、户名只能含文字、少数民族姓名间隔点等规定字符',
    severity: 'error',
    fields: ['customer.kind', 'customer.name', 'customer.legalRep.name', 'customer.agent.name'],
    source: 'REFERENCE §5.1.11 [P]',
    messages: {
      person:
        '{field}含有不能用于姓名的字符；中文姓名只写汉字（少数民族姓名用间隔点“·”分隔），外文姓名用字母，请重新录入。',
      org: '{field}含有不能用于单位名称的字符（如表情符号或控制字符），请按证照上的名称重新录入。',
      length: '{field}超过 {max} 个字符，请按证照上的名称录入。',
    },
    check(app, _env, report) {
      const { customer } = app;
      if (!isBlank(customer.name)) {
        const org = customer.kind === 'ORG';
        if (tooLong(customer.name)) report('customer.name', 'length', { max: MAX_NAME });
        else if (!hasControl(customer.name) && !(org ? ORG_NAME : PERSON_NAME).test(customer.name.trim()))
          report('customer.name', org ? 'org' : 'person');
      }
      for (const [key, person] of [
        ['legalRep', customer.legalRep],
        ['agent', customer.agent],
      ] as const) {
        if (person && !isBlank(person.name) && !hasControl(person.name) && !PERSON_NAME.test(person.name.trim())) {
          report(`customer.${key}.name`, 'person');
        }
      }
    },
  },
  {
    id: 'R-NM-01',
    title: '单位户名须与证照名称一致（营业员核对后确认）',
    severity: 'warning',
    stages: ['ACCEPT'],
    fields: ['customer.kind', 'customer.name'],
    source: 'REFERENCE §5.1.11 R-NM-01 [P]',
    messages: {
      main: '单位{field}“{name}”须与营业执照（登记证书）上的名称逐字一致；请对照原件核对后确认，并在理由中写明核对的证照。',
    },
    check(app, _env, report) {
      if (app.customer.kind === 'ORG' && !isBlank(app.customer.name)) {
        report('customer.name', 'main', { name: app.customer.name.trim() });
      }
    },
  },
];
