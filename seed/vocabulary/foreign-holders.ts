/**
 * Registrants of imported (进) and Hong Kong / Macao / Taiwan (许) products, with the domestic
 * agent every such certificate names (代理人). Real company names, as certificates print them.
 */
interface ForeignHolder {
  name: string;
  address: string;
  productionAddress: string;
  agentName: string;
  agentAddress: string;
}

export const IMPORTED_HOLDERS: readonly ForeignHolder[] = [
  {
    name: 'Medtronic, Inc.',
    address: '710 Medtronic Parkway, Minneapolis, MN 55432, USA',
    productionAddress: 'Medtronic Puerto Rico Operations Co., Villalba, Puerto Rico, USA',
    agentName: '美敦力（上海）管理有限公司',
    agentAddress: '中国（上海）自由贸易试验区富特北路439号',
  },
  {
    name: '美敦力公司',
    address: '710 Medtronic Parkway, Minneapolis, MN 55432, USA',
    productionAddress: 'Medtronic Ireland, Parkmore Business Park West, Galway, Ireland',
    agentName: '美敦力（上海）管理有限公司',
    agentAddress: '中国（上海）自由贸易试验区富特北路439号',
  },
  {
    name: 'Siemens Healthcare GmbH',
    address: 'Henkestr. 127, 91052 Erlangen, Germany',
    productionAddress: 'Siemens Healthcare GmbH, Siemensstr. 1, 91301 Forchheim, Germany',
    agentName: '西门子医疗系统有限公司',
    agentAddress: '深圳市南山区高新技术产业园中区高新中二道西门子医疗大楼',
  },
  {
    name: '西门子医疗有限公司',
    address: 'Henkestr. 127, 91052 Erlangen, Germany',
    productionAddress: 'Siemens Healthcare Diagnostics Inc., 511 Benedict Avenue, Tarrytown, NY 10591, USA',
    agentName: '西门子医学诊断产品（上海）有限公司',
    agentAddress: '上海市浦东新区周祝公路278号',
  },
  {
    name: 'Abbott Laboratories',
    address: '100 Abbott Park Road, Abbott Park, IL 60064, USA',
    productionAddress: 'Abbott Ireland Diagnostics Division, Finisklin Business Park, Sligo, Ireland',
    agentName: '雅培贸易（上海）有限公司',
    agentAddress: '中国（上海）自由贸易试验区英伦路38号',
  },
  {
    name: 'Boston Scientific Corporation',
    address: '300 Boston Scientific Way, Marlborough, MA 01752, USA',
    productionAddress: 'Boston Scientific Limited, Ballybrit Business Park, Galway, Ireland',
    agentName: '波科国际医疗贸易（上海）有限公司',
    agentAddress: '中国（上海）自由贸易试验区富特北路211号',
  },
  {
    name: 'Becton, Dickinson and Company',
    address: '1 Becton Drive, Franklin Lakes, NJ 07417, USA',
    productionAddress: 'Becton Dickinson Medical Devices (Shanghai) Co., Ltd.',
    agentName: '碧迪医疗器械（上海）有限公司',
    agentAddress: '上海市松江工业区联阳路299号',
  },
  {
    name: 'B. Braun Melsungen AG',
    address: 'Carl-Braun-Straße 1, 34212 Melsungen, Germany',
    productionAddress: 'Schwarzenberger Weg 73-79, 34212 Melsungen, Germany',
    agentName: '贝朗医疗（上海）国际贸易有限公司',
    agentAddress: '上海市长宁区延安西路2201号',
  },
  {
    name: 'Olympus Medical Systems Corp.',
    address: '2951 Ishikawa-cho, Hachioji-shi, Tokyo, Japan',
    productionAddress: 'Aizu Olympus Co., Ltd., Aizuwakamatsu-shi, Fukushima, Japan',
    agentName: '奥林巴斯（北京）销售服务有限公司',
    agentAddress: '北京市朝阳区酒仙桥路10号恒通广厦',
  },
  {
    name: 'Terumo Corporation',
    address: '2-44-1 Hatagaya, Shibuya-ku, Tokyo, Japan',
    productionAddress: 'Terumo Corporation, Ashitaka Factory, Fujinomiya, Shizuoka, Japan',
    agentName: '泰尔茂（中国）投资有限公司',
    agentAddress: '上海市黄浦区湖滨路202号',
  },
  {
    name: 'Roche Diagnostics GmbH',
    address: 'Sandhofer Strasse 116, 68305 Mannheim, Germany',
    productionAddress: 'Roche Diagnostics GmbH, Nonnenwald 2, 82377 Penzberg, Germany',
    agentName: '罗氏诊断产品（上海）有限公司',
    agentAddress: '上海市浦东新区龙东大道1100号',
  },
  {
    name: 'GE Medical Systems, LLC',
    address: '3000 North Grandview Blvd., Waukesha, WI 53188, USA',
    productionAddress: 'GE Medical Systems, LLC, Waukesha, WI, USA',
    agentName: '通用电气医疗系统贸易发展（上海）有限公司',
    agentAddress: '中国（上海）自由贸易试验区富特北路211号',
  },
  {
    name: 'Philips Medical Systems Nederland B.V.',
    address: 'Veenpluis 6, 5684 PC Best, The Netherlands',
    productionAddress: 'Veenpluis 6, 5684 PC Best, The Netherlands',
    agentName: '飞利浦（中国）投资有限公司',
    agentAddress: '上海市静安区灵石路718号',
  },
  {
    name: 'Stryker Corporation',
    address: '2825 Airview Boulevard, Kalamazoo, MI 49002, USA',
    productionAddress: 'Stryker Orthopaedics, 325 Corporate Drive, Mahwah, NJ 07430, USA',
    agentName: '史赛克（北京）医疗器械有限公司',
    agentAddress: '北京市北京经济技术开发区永昌南路8号',
  },
  {
    name: 'Zimmer GmbH',
    address: 'Zählerweg 4, 6300 Zug, Switzerland',
    productionAddress: 'Zimmer GmbH, Sulzerallee 8, 8404 Winterthur, Switzerland',
    agentName: '捷迈（上海）医疗国际贸易有限公司',
    agentAddress: '中国（上海）自由贸易试验区日京路88号',
  },
  {
    name: 'Fresenius Medical Care AG & Co. KGaA',
    address: 'Else-Kröner-Straße 1, 61352 Bad Homburg, Germany',
    productionAddress: 'Fresenius Medical Care Deutschland GmbH, Schweinfurt, Germany',
    agentName: '费森尤斯医药用品（上海）有限公司',
    agentAddress: '上海市闵行区浦江镇江月路1388号',
  },
  {
    name: 'Carl Zeiss Meditec AG',
    address: 'Göschwitzer Straße 51-52, 07745 Jena, Germany',
    productionAddress: 'Carl Zeiss Meditec AG, Jena, Germany',
    agentName: '卡尔蔡司（上海）管理有限公司',
    agentAddress: '中国（上海）自由贸易试验区美约路60号',
  },
  {
    name: 'Drägerwerk AG & Co. KGaA',
    address: 'Moislinger Allee 53-55, 23558 Lübeck, Germany',
    productionAddress: 'Drägerwerk AG & Co. KGaA, Lübeck, Germany',
    agentName: '德尔格医疗设备（上海）有限公司',
    agentAddress: '上海市浦东新区金穗路1288号',
  },
  {
    name: 'Sysmex Corporation',
    address: '1-5-1 Wakinohama-Kaigandori, Chuo-ku, Kobe, Japan',
    productionAddress: 'Sysmex Corporation, Kakogawa Factory, Hyogo, Japan',
    agentName: '希森美康医用电子（上海）有限公司',
    agentAddress: '上海市长宁区仙霞路88号',
  },
  {
    name: 'Edwards Lifesciences LLC',
    address: 'One Edwards Way, Irvine, CA 92614, USA',
    productionAddress: 'Edwards Lifesciences (Singapore) Pte Ltd, Singapore',
    agentName: '爱德华（上海）医疗用品有限公司',
    agentAddress: '上海市闵行区紫星路588号',
  },
  {
    name: 'Alcon Laboratories, Inc.',
    address: '6201 South Freeway, Fort Worth, TX 76134, USA',
    productionAddress: 'Alcon Research, LLC, Huntington, WV, USA',
    agentName: '爱尔康（中国）眼科产品有限公司',
    agentAddress: '北京市朝阳区东三环中路1号',
  },
  {
    name: 'Smith & Nephew, Inc.',
    address: '1450 Brooks Road, Memphis, TN 38116, USA',
    productionAddress: 'Smith & Nephew Orthopaedics AG, Baar, Switzerland',
    agentName: '施乐辉医用产品国际贸易（上海）有限公司',
    agentAddress: '上海市静安区南京西路1266号',
  },
  {
    name: 'Coloplast A/S',
    address: 'Holtedam 1, 3050 Humlebæk, Denmark',
    productionAddress: 'Coloplast Hungary Kft., Tatabánya, Hungary',
    agentName: '康乐保（中国）有限公司',
    agentAddress: '广东省珠海市高新区唐家湾镇金唐路1号',
  },
  {
    name: 'Nipro Corporation',
    address: '3-9-3 Honjo-nishi, Kita-ku, Osaka, Japan',
    productionAddress: 'Nipro Corporation, Odate Factory, Akita, Japan',
    agentName: '尼普洛医疗器械（合肥）有限公司',
    agentAddress: '安徽省合肥市经济技术开发区',
  },
];

/** 许: Hong Kong, Macao and Taiwan registrants. */
export const HMT_HOLDERS: readonly ForeignHolder[] = [
  {
    name: '百略医学科技股份有限公司',
    address: '台湾台北市内湖区瑞光路431号9楼',
    productionAddress: '台湾新北市汐止区',
    agentName: '百略贸易（深圳）有限公司',
    agentAddress: '广东省深圳市南山区科技园',
  },
  {
    name: '华广生技股份有限公司',
    address: '台湾台中市南屯区工业区二十路23号',
    productionAddress: '台湾台中市南屯区工业区二十路23号',
    agentName: '华广生技（上海）贸易有限公司',
    agentAddress: '上海市徐汇区漕河泾开发区',
  },
  {
    name: '五鼎生物技术股份有限公司',
    address: '台湾新竹科学工业园区力行二路7号',
    productionAddress: '台湾新竹科学工业园区力行二路7号',
    agentName: '上海五鼎医疗器械有限公司',
    agentAddress: '上海市闵行区',
  },
  {
    name: '合世生医科技股份有限公司',
    address: '台湾新北市五股区五权五路',
    productionAddress: '台湾新北市五股区五权五路',
    agentName: '合世医疗器械（苏州）有限公司',
    agentAddress: '江苏省苏州市工业园区',
  },
  {
    name: '香港盈康医疗器械有限公司',
    address: '香港九龙观塘道348号',
    productionAddress: '香港新界沙田科学园',
    agentName: '深圳盈康医疗科技有限公司',
    agentAddress: '广东省深圳市福田区',
  },
  {
    name: '澳门康泰医疗用品有限公司',
    address: '澳门新口岸宋玉生广场',
    productionAddress: '澳门青洲工业区',
    agentName: '珠海康泰医疗器械有限公司',
    agentAddress: '广东省珠海市横琴新区',
  },
];
