import { kitSizes, reagentPacks, someOf } from './model-specs.ts';
import type { ProductKind } from './product-kind.ts';

/** IVD reagents: code 40 in both catalogues (docs/numbers.md §1). */
export const IVD_KINDS: readonly ProductKind[] = [
  { names: ['新型冠状病毒（2019-nCoV）抗原检测试剂盒（胶体金法）', '新型冠状病毒（2019-nCoV）抗原检测试剂盒（乳胶法）'], code2017: '40', code2002: '40', classes: [3], spec: kitSizes(),
    structure: '由检测卡、样本提取液、采样拭子和说明书组成。', scope: '用于体外定性检测鼻腔拭子样本中的新型冠状病毒（2019-nCoV）N蛋白抗原。', ivd: true, since: '2020-01-26' },
  { names: ['新型冠状病毒（2019-nCoV）核酸检测试剂盒（荧光PCR法）'], code2017: '40', code2002: '40', classes: [3], spec: kitSizes(),
    structure: '由核酸扩增反应液、酶混合液、阳性对照和阴性对照组成。', scope: '用于体外定性检测新型冠状病毒（2019-nCoV）ORF1ab和N基因。', ivd: true, since: '2020-01-26' },
  { names: ['乙型肝炎病毒表面抗原检测试剂盒（化学发光法）', '乙型肝炎病毒表面抗原检测试剂盒（胶体金法）'], code2017: '40', code2002: '40', classes: [3], spec: kitSizes(),
    structure: '由包被板、酶结合物、校准品和质控品组成。', scope: '用于体外定性检测人血清或血浆样本中的乙型肝炎病毒表面抗原。', ivd: true },
  { names: ['人类免疫缺陷病毒抗体检测试剂盒（酶联免疫法）', '人类免疫缺陷病毒抗原抗体检测试剂盒（化学发光法）'], code2017: '40', code2002: '40', classes: [3], spec: kitSizes(),
    structure: '由包被板、酶标记物、阴性对照和阳性对照组成。', scope: '用于体外定性检测人血清或血浆中的人类免疫缺陷病毒抗体。', ivd: true },
  { names: ['梅毒螺旋体抗体检测试剂盒（胶体金法）', '丙型肝炎病毒抗体检测试剂盒（胶体金法）'], code2017: '40', code2002: '40', classes: [3], spec: kitSizes(),
    structure: '由检测卡和样本稀释液组成。', scope: '用于体外定性检测人血清、血浆或全血样本中的梅毒螺旋体抗体。', ivd: true },
  { names: ['C反应蛋白测定试剂盒（免疫比浊法）', '超敏C反应蛋白测定试剂盒（胶乳增强免疫比浊法）'], code2017: '40', code2002: '40', classes: [2], spec: reagentPacks(),
    structure: '由R1缓冲液和R2胶乳试剂组成。', scope: '用于体外定量测定人血清或血浆中C反应蛋白的含量。', ivd: true },
  { names: ['葡萄糖测定试剂盒（葡萄糖氧化酶法）', '总胆固醇测定试剂盒（CHOD-PAP法）', '肌酐测定试剂盒（肌氨酸氧化酶法）'], code2017: '40', code2002: '40', classes: [2], spec: reagentPacks(),
    structure: '由R1试剂和R2试剂组成。', scope: '用于体外定量测定人血清中相应被测物的浓度。', ivd: true },
  { names: ['降钙素原（PCT）检测试剂盒（荧光免疫层析法）', 'D-二聚体测定试剂盒（胶乳免疫比浊法）', '糖化血红蛋白检测试剂盒（免疫荧光法）'], code2017: '40', code2002: '40', classes: [2], spec: kitSizes(),
    structure: '由检测卡、样本稀释液和ID卡组成。', scope: '用于体外定量检测人血清、血浆或全血样本中的相应被测物。', ivd: true },
  { names: ['血糖试条', '血糖测试条（葡萄糖脱氢酶法）'], code2017: '40', code2002: '40', classes: [2], spec: someOf(['25片/瓶', '50片/瓶', '25片/盒', '50片/盒', '100片/盒']),
    structure: '由试条和质控液组成，试条含葡萄糖氧化酶、铁氰化钾。', scope: '与配套血糖仪共同使用，用于定量检测人体新鲜毛细血管全血中的葡萄糖浓度。', ivd: true },
  { names: ['样本稀释液', '清洗液', '样本保存液', '细胞保存液', '鞘液'], code2017: '40', code2002: '40', classes: [1], spec: someOf(['10mL/瓶', '20mL/瓶', '100mL/瓶', '500mL/瓶', '1L/桶', '20L/桶']),
    structure: '由磷酸盐缓冲液、表面活性剂和防腐剂组成。', scope: '用于样本的稀释、保存或仪器管路的清洗，不用于临床诊断。', ivd: true },
];
