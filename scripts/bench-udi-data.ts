/**
 * Writes a large, realistic NMPA UDI XML file for the benchmark: the real tag set (misspelled
 * header and status tags included), long Chinese descriptions, nested lists, several DIs per
 * certificate, and the quirks the importer must survive (control characters, bare `&`, several
 * numbers in one field, some run together). Deterministic for a given size.
 */
import fs from 'node:fs';

const PROVINCES = ['粤', '苏', '浙', '沪', '京', '鲁', '川', '鄂', '湘', '闽'];
const NAMES = [
  '一次性使用无菌注射器',
  '医用外科口罩',
  '彩色多普勒超声诊断系统',
  '血糖试纸（葡萄糖氧化酶法）',
  '医用电子体温计',
  '一次性使用输液器 带针',
  '骨科内固定钢板',
  '电子上消化道内窥镜',
  '医用防护服',
  '乙型肝炎病毒表面抗原检测试剂盒（胶体金法）',
];
const HOLDERS = [
  '广州市康宁医疗器械有限公司',
  '深圳迈瑞生物医疗电子股份有限公司',
  '江苏鱼跃医疗设备股份有限公司',
  '山东威高集团医用高分子制品股份有限公司',
  '浙江拱东医疗器械股份有限公司',
  '上海联影医疗科技股份有限公司',
  '北京乐普医疗器械有限公司',
  '湖南可孚医疗科技股份有限公司',
];
const DESCRIPTION =
  '产品由外套、芯杆、活塞、针座、针管和护套组成。外套、芯杆和护套采用聚丙烯材料制成，活塞采用天然橡胶制成，' +
  '针管采用不锈钢制成。产品经环氧乙烷灭菌，一次性使用。适用于人体皮下、肌肉、静脉注射药液或抽取血液。';

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function certificateNumber(random: () => number, serial: number): string {
  const province = pick(random, PROVINCES);
  const year = 2015 + Math.floor(random() * 10);
  return `${province}械注准${year}2${pad(1 + Math.floor(random() * 22), 2)}${pad(serial % 10_000, 4)}`;
}

function device(random: () => number, index: number, certificate: number): string {
  const certRandom = rng(certificate * 7919);
  const number = certificateNumber(certRandom, certificate);
  const name = pick(certRandom, NAMES);
  const holder = pick(certRandom, HOLDERS);
  const roll = random();
  // 3% several numbers (half comma-separated, half run together), 1% control characters, 1% bare &.
  const numbers =
    roll < 0.015
      ? `${number},${certificateNumber(certRandom, certificate + 1)}`
      : roll < 0.03
        ? `${number}${certificateNumber(certRandom, certificate + 2)}`
        : number;
  const description = roll > 0.99 ? `${DESCRIPTION}\u000b规格\u0001说明` : roll > 0.98 ? `${DESCRIPTION} 适用于A&B型号` : DESCRIPTION;
  const di = `0694${pad(index, 10)}`;
  return `<device>
<deviceRecordKey>${pad(index, 8)}-${pad(certificate, 6)}-udi</deviceRecordKey>
<versionNumber>${1 + (index % 3)}</versionNumber>
<versionTime>2024-0${1 + (index % 9)}-1${index % 10}</versionTime>
<versionStauts>${index % 3 === 0 ? '新增' : '更新'}</versionStauts>
<zxxsdycpbs>${di}</zxxsdycpbs>
<cpbsbmtxmc>GS1</cpbsbmtxmc>
<cpbsfbrq>2023-05-12</cpbsfbrq>
<zxxsdyzsydydsl>1</zxxsdyzsydydsl>
<sydycpbs></sydycpbs>
<bszt>一维码</bszt>
<sfyzcbayz>是</sfyzcbayz>
<zcbacpbs></zcbacpbs>
<sfybtzjbs>否</sfybtzjbs>
<btcpbsyzxxsdycpbssfyz></btcpbsyzxxsdycpbssfyz>
<btcpbs></btcpbs>
<cpmctymc>${name}</cpmctymc>
<spmc>${name}</spmc>
<ggxh>${pad(1 + (index % 50), 2)}ml 0.${index % 9}×${20 + (index % 10)}mm</ggxh>
<sfwblztlcp>否</sfwblztlcp>
<cpms>${description}</cpms>
<cphhhbh>HH-${index}</cphhhbh>
<qxlb>器械</qxlb>
<yflbm>6815</yflbm>
<flbm>14-01-01</flbm>
<tyshxydm>91440101${pad(certificate, 10)}</tyshxydm>
<zczbhhzbapzbh>${numbers}</zczbhhzbapzbh>
<ylqxzcrbarmc>${holder}</ylqxzcrbarmc>
<ylqxzcrbarywmc>Medical Devices Co., Ltd.</ylqxzcrbarywmc>
<ybbm>C1401010010000012345</ybbm>
<cplb>耗材</cplb>
<cgzmraqxgxx>说明书或标签上面不包括MR安全信息</cgzmraqxgxx>
<sfbjwycxsy>是</sfbjwycxsy>
<zdcfsycs>0</zdcfsycs>
<sfwwjbz>是</sfwwjbz>
<syqsfxyjxmj>否</syqsfxyjxmj>
<mjfs>环氧乙烷灭菌</mjfs>
<qtxxdwzlj></qtxxdwzlj>
<tsrq></tsrq>
<scbssfbhph>是</scbssfbhph>
<scbssfbhxlh>否</scbssfbhxlh>
<scbssfbhscrq>是</scbssfbhscrq>
<scbssfbhsxrq>是</scbssfbhsxrq>
<tscchcztj>常温保存</tscchcztj>
<tsccsm></tsccsm>
<correctionNumber></correctionNumber>
<correctionRemark></correctionRemark>
<correctionTime></correctionTime>
<packingList><packing><bzcpbs>1694${pad(index, 10)}</bzcpbs><cpbzjb>盒</cpbzjb><bznhxyjcpbssl>100</bznhxyjcpbssl><bznhxyjbzcpbs>${di}</bznhxyjbzcpbs></packing></packingList>
<storageList><storage><cchcztj>常温</cchcztj><zdz>10</zdz><zgz>30</zgz><jldw>℃</jldw></storage></storageList>
<clinicalList></clinicalList>
<contactList><contact><qylxrcz></qylxrcz><qylxrdh>020-8888${pad(index % 10_000, 4)}</qylxrdh><qylxryx>udi@example.com</qylxryx></contact></contactList>
</device>
`;
}

/** Writes about `targetBytes` of XML to `file`; returns the device count. */
export function writeBenchXml(file: string, targetBytes: number): number {
  const random = rng(20_240_101);
  const fd = fs.openSync(file, 'w');
  try {
    const header =
      '<?xml version="1.0" encoding="UTF-8"?>\n<udid>\n<header><numberRkeyecordXML>{COUNT}</numberRkeyecordXML></header>\n<devices>\n';
    fs.writeSync(fd, header.replace('{COUNT}', '0000000000'));
    let written = header.length;
    let index = 0;
    let parts: string[] = [];
    let pending = 0;
    while (written < targetBytes) {
      // About eight DIs (models) per certificate, as in the real database.
      const text = device(random, index, Math.floor(index / 8));
      index++;
      parts.push(text);
      pending += text.length;
      if (pending > 1 << 20) {
        written += fs.writeSync(fd, parts.join(''));
        parts = [];
        pending = 0;
      }
    }
    written += fs.writeSync(fd, `${parts.join('')}</devices>\n</udid>\n`);
    // The count goes into the header afterwards, padded so the file length does not change.
    const countText = pad(index, 10);
    fs.writeSync(fd, countText, header.indexOf('{COUNT}'), 'utf8');
    return index;
  } finally {
    fs.closeSync(fd);
  }
}
