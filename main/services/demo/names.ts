/** Word lists for plausible Chinese demo names and Nanjing addresses. */
import type { Prng } from './prng';

// Common surnames, 王 and 李 first and weighted by repetition as in the population.
const SURNAMES = [
  ...'王王王李李李张张张刘刘陈陈杨杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'娜伟芳敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文斌波辉鹏飞宇浩然欣怡子涵梓轩雨婷佳琪晨晓东海燕丹凤志刚宁慧颖婕俊峰',
];

export function generatePersonName(rng: Prng): string {
  const surname = rng.pick(SURNAMES);
  // About a third of given names are one character (李娜, 王伟), the rest two.
  if (rng.chance(0.35)) return surname + rng.pick(GIVEN);
  return surname + rng.pick(GIVEN) + rng.pick(GIVEN);
}

const ORG_PREFIXES = [
  '金陵',
  '秦淮',
  '钟山',
  '玄武',
  '江宁',
  '栖霞',
  '雨花',
  '紫金',
  '长江',
  '鼓楼',
  '建邺',
  '浦口',
  '六合',
  '溧水',
  '高淳',
  '新街口',
];
const ORG_TRADES = [
  '科技',
  '电子',
  '机械',
  '纺织',
  '食品',
  '物流',
  '建材',
  '化工',
  '商贸',
  '餐饮',
  '医药',
  '印刷',
  '汽车服务',
  '置业',
  '酒店管理',
  '数据',
];
const ORG_FORMS = ['有限公司', '有限责任公司', '股份有限公司', '制造有限公司', '实业有限公司'];

export function generateOrgName(rng: Prng): string {
  return `南京${rng.pick(ORG_PREFIXES)}${rng.pick(ORG_TRADES)}${rng.pick(ORG_FORMS)}`;
}

const DISTRICTS = [
  '玄武区',
  '秦淮区',
  '建邺区',
  '鼓楼区',
  '浦口区',
  '栖霞区',
  '雨花台区',
  '江宁区',
  '六合区',
  '溧水区',
];
const ROADS = [
  '中山路',
  '北京东路',
  '汉中路',
  '中央路',
  '龙蟠路',
  '应天大街',
  '江东中路',
  '集庆门大街',
  '虎踞路',
  '太平南路',
  '长江路',
  '珠江路',
  '广州路',
  '湖南路',
  '草场门大街',
  '水西门大街',
  '双龙大道',
  '天元东路',
  '胜太路',
  '宁六路',
];
const ESTATES = [
  '锦绣花园',
  '翠竹园',
  '月牙湖小区',
  '龙江小区',
  '南湖新村',
  '武夷绿洲',
  '银城东苑',
  '仙林湖花园',
  '托乐嘉',
  '百家湖花园',
];

export function generateAddress(rng: Prng, residential: boolean): string {
  const base = `江苏省南京市${rng.pick(DISTRICTS)}${rng.pick(ROADS)}${rng.int(1, 999)}号`;
  if (!residential) return rng.chance(0.5) ? `${base}${rng.int(1, 12)}幢` : base;
  return `江苏省南京市${rng.pick(DISTRICTS)}${rng.pick(ESTATES)}${rng.int(1, 60)}幢${rng.int(1, 3)}单元${rng.int(1, 33)}0${rng.int(1, 4)}室`;
}
