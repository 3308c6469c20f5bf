/**
 * Where holders sit and which authority issues their numbers. Embedded rather than read from
 * `../shared` (a user's clone has no such folder, and nothing may do I/O at import time).
 */

export interface City {
  name: string;
  /** Abbreviation after the province in class I filing numbers (粤**穗**械备); none where unknown. */
  filingAbbr: string | null;
  districts: readonly string[];
  /** Relative share of holders within the province. */
  weight: number;
}

export interface Province {
  /** Authority abbreviation in numbers: 粤, 京, 内 … */
  abbr: string;
  /** As written in addresses and department names: 广东省, 北京市, 内蒙古自治区 … */
  fullName: string;
  /** Municipalities write no city between province and district. */
  municipality: boolean;
  /** Share of domestic registrations and filings outside Guangdong. */
  weight: number;
  cities: readonly City[];
}

const city = (name: string, filingAbbr: string | null, weight: number, districts: string[]): City => ({
  name,
  filingAbbr,
  weight,
  districts,
});

/** Guangdong, heavily represented (the users' province); filing prefixes from guangdong-cities.csv. */
export const GUANGDONG: Province = {
  abbr: '粤',
  fullName: '广东省',
  municipality: false,
  weight: 0,
  cities: [
    city('深圳', '深', 30, ['南山区', '宝安区', '龙岗区', '光明区', '坪山区', '龙华区', '福田区']),
    city('广州', '穗', 28, ['黄埔区', '天河区', '番禺区', '白云区', '海珠区', '花都区']),
    city('佛山', '佛', 8, ['南海区', '顺德区', '禅城区', '高明区']),
    city('东莞', '莞', 7, ['松山湖', '长安镇', '塘厦镇', '虎门镇']),
    city('珠海', '珠', 6, ['香洲区', '金湾区', '斗门区']),
    city('中山', '中', 5, ['火炬开发区', '小榄镇', '石岐街道']),
    city('惠州', '惠', 4, ['惠城区', '惠阳区', '仲恺高新区']),
    city('汕头', '汕', 3, ['龙湖区', '金平区', '潮阳区']),
    city('江门', '江', 2, ['蓬江区', '江海区', '新会区']),
    city('肇庆', '肇', 1, ['端州区', '高要区']),
    city('湛江', '湛', 1, ['赤坎区', '霞山区']),
    city('清远', '清', 1, ['清城区', '清新区']),
    city('揭阳', '揭', 1, ['榕城区', '揭东区']),
    city('潮州', '潮', 1, ['湘桥区', '潮安区']),
    city('梅州', '梅', 0.5, ['梅江区', '梅县区']),
    city('韶关', '韶', 0.5, ['浈江区', '武江区']),
    city('河源', '河', 0.5, ['源城区']),
    city('阳江', '阳', 0.5, ['江城区']),
    city('茂名', '茂', 0.5, ['茂南区']),
    city('云浮', '云', 0.3, ['云城区']),
  ],
};

/** The other provinces from authorities.csv (兵团 left out: no number of it has been seen). */
export const OTHER_PROVINCES: readonly Province[] = [
  {
    abbr: '苏',
    fullName: '江苏省',
    municipality: false,
    weight: 12,
    cities: [
      city('苏州', '苏', 4, ['工业园区', '高新区', '吴中区']),
      city('南京', '宁', 3, ['江宁区', '栖霞区', '鼓楼区']),
      city('无锡', '锡', 2, ['新吴区', '滨湖区']),
      city('常州', '常', 2, ['武进区', '新北区']),
    ],
  },
  {
    abbr: '浙',
    fullName: '浙江省',
    municipality: false,
    weight: 9,
    cities: [
      city('杭州', '杭', 4, ['余杭区', '滨江区', '西湖区']),
      city('宁波', '甬', 2, ['鄞州区', '北仑区']),
      city('绍兴', '绍', 1, ['越城区', '柯桥区']),
      city('台州', '台', 1, ['黄岩区', '椒江区']),
    ],
  },
  {
    abbr: '沪',
    fullName: '上海市',
    municipality: true,
    weight: 8,
    cities: [city('上海', null, 1, ['浦东新区', '闵行区', '嘉定区', '松江区', '奉贤区'])],
  },
  {
    abbr: '京',
    fullName: '北京市',
    municipality: true,
    weight: 7,
    cities: [city('北京', null, 1, ['海淀区', '昌平区', '大兴区', '朝阳区', '通州区'])],
  },
  {
    abbr: '鲁',
    fullName: '山东省',
    municipality: false,
    weight: 7,
    cities: [
      city('济南', '济', 3, ['历下区', '高新区']),
      city('青岛', '青', 2, ['崂山区', '黄岛区']),
      city('威海', '威', 2, ['环翠区', '火炬高技术产业开发区']),
    ],
  },
  {
    abbr: '豫',
    fullName: '河南省',
    municipality: false,
    weight: 4,
    cities: [city('郑州', '郑', 3, ['金水区', '高新区']), city('新乡', '新', 2, ['长垣市', '红旗区'])],
  },
  {
    abbr: '鄂',
    fullName: '湖北省',
    municipality: false,
    weight: 4,
    cities: [city('武汉', '汉', 3, ['东湖新技术开发区', '江夏区']), city('宜昌', '宜', 1, ['西陵区'])],
  },
  {
    abbr: '湘',
    fullName: '湖南省',
    municipality: false,
    weight: 3,
    cities: [city('长沙', '长', 3, ['岳麓区', '雨花区', '长沙县']), city('株洲', '株', 1, ['天元区'])],
  },
  {
    abbr: '川',
    fullName: '四川省',
    municipality: false,
    weight: 3,
    cities: [city('成都', '蓉', 3, ['高新区', '温江区', '双流区']), city('绵阳', '绵', 1, ['涪城区'])],
  },
  { abbr: '津', fullName: '天津市', municipality: true, weight: 3, cities: [city('天津', null, 1, ['滨海新区', '西青区', '武清区'])] },
  {
    abbr: '冀',
    fullName: '河北省',
    municipality: false,
    weight: 3,
    cities: [city('石家庄', '石', 2, ['长安区', '高新区']), city('保定', '保', 1, ['竞秀区'])],
  },
  {
    abbr: '皖',
    fullName: '安徽省',
    municipality: false,
    weight: 3,
    cities: [city('合肥', '合', 3, ['蜀山区', '包河区']), city('芜湖', '芜', 1, ['鸠江区'])],
  },
  {
    abbr: '闽',
    fullName: '福建省',
    municipality: false,
    weight: 2,
    cities: [city('厦门', '厦', 2, ['湖里区', '海沧区']), city('福州', '榕', 1, ['鼓楼区', '仓山区'])],
  },
  {
    abbr: '赣',
    fullName: '江西省',
    municipality: false,
    weight: 2,
    cities: [city('南昌', '洪', 2, ['青山湖区', '新建区']), city('抚州', '抚', 1, ['临川区'])],
  },
  {
    abbr: '辽',
    fullName: '辽宁省',
    municipality: false,
    weight: 2,
    cities: [city('沈阳', '沈', 2, ['浑南区', '和平区']), city('大连', '连', 1, ['甘井子区'])],
  },
  { abbr: '吉', fullName: '吉林省', municipality: false, weight: 1.5, cities: [city('长春', '长', 2, ['朝阳区', '净月区'])] },
  { abbr: '黑', fullName: '黑龙江省', municipality: false, weight: 1, cities: [city('哈尔滨', '哈', 1, ['南岗区', '松北区'])] },
  { abbr: '陕', fullName: '陕西省', municipality: false, weight: 1.5, cities: [city('西安', '西', 1, ['雁塔区', '未央区'])] },
  { abbr: '渝', fullName: '重庆市', municipality: true, weight: 1.5, cities: [city('重庆', null, 1, ['渝北区', '九龙坡区', '北碚区'])] },
  {
    abbr: '桂',
    fullName: '广西壮族自治区',
    municipality: false,
    weight: 1,
    cities: [city('南宁', '南', 2, ['青秀区', '西乡塘区']), city('桂林', '桂', 1, ['七星区'])],
  },
  { abbr: '晋', fullName: '山西省', municipality: false, weight: 1, cities: [city('太原', '并', 1, ['小店区', '万柏林区'])] },
  { abbr: '内', fullName: '内蒙古自治区', municipality: false, weight: 0.5, cities: [city('呼和浩特', '呼', 1, ['赛罕区', '金川开发区'])] },
  { abbr: '黔', fullName: '贵州省', municipality: false, weight: 0.5, cities: [city('贵阳', '筑', 1, ['观山湖区', '乌当区'])] },
  { abbr: '滇', fullName: '云南省', municipality: false, weight: 0.5, cities: [city('昆明', '昆', 1, ['五华区', '官渡区'])] },
  { abbr: '琼', fullName: '海南省', municipality: false, weight: 0.4, cities: [city('海口', '海', 1, ['龙华区', '秀英区'])] },
  { abbr: '甘', fullName: '甘肃省', municipality: false, weight: 0.3, cities: [city('兰州', '兰', 1, ['城关区', '安宁区'])] },
  { abbr: '新', fullName: '新疆维吾尔自治区', municipality: false, weight: 0.2, cities: [city('乌鲁木齐', '乌', 1, ['新市区', '天山区'])] },
  { abbr: '宁', fullName: '宁夏回族自治区', municipality: false, weight: 0.2, cities: [city('银川', '银', 1, ['金凤区', '兴庆区'])] },
  { abbr: '青', fullName: '青海省', municipality: false, weight: 0.1, cities: [city('西宁', '西', 1, ['城北区'])] },
  { abbr: '藏', fullName: '西藏自治区', municipality: false, weight: 0.1, cities: [city('拉萨', '拉', 1, ['堆龙德庆区'])] },
];

export const ALL_PROVINCES: readonly Province[] = [GUANGDONG, ...OTHER_PROVINCES];
