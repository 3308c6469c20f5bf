import { mixSeed, Rng } from '../prng.ts';
import type { City, Province } from './regions.ts';

/**
 * Domestic registrants: 广州XX医疗器械有限公司, 深圳市XX生物科技有限公司 … Each holder is derived from
 * its (province, city, index) alone, so the same holder always has the same name and address
 * and holds several certificates, as real manufacturers do.
 */
interface DomesticHolder {
  name: string;
  address: string;
  productionAddress: string;
}

const SYLLABLES = [
  ...'康瑞迈华安健宝德益科美达博凯信恒泰润诺威普源联创新鑫盛嘉和正天祥昌隆乐欣宏世佳明睿智优辉航远鸿锐捷东方金海兴杰伟力航众合百利爱仁医心禾谷致尚源汇泽',
];
const INDUSTRIES = [
  '医疗器械',
  '医疗科技',
  '生物科技',
  '医疗用品',
  '医疗设备',
  '生物医学工程',
  '医学科技',
  '卫生材料',
  '健康科技',
  '电子科技',
  '精密医疗',
];
const ROADS = [
  '科学大道',
  '科技园路',
  '高新南七道',
  '创新路',
  '工业大道',
  '光明大道',
  '揽月路',
  '开源大道',
  '宝石路',
  '金海路',
  '健康路',
  '生物谷路',
  '华夏路',
  '中山路',
  '人民路',
  '兴业路',
  '创业路',
  '科丰路',
  '天成路',
  '福华路',
  '环城路',
  '龙城大道',
  '新材料路',
  '锦绣路',
];

/** How many distinct holders a city has: enough for variety, few enough that holders repeat. */
export function holderPoolSize(province: Province, city: City, provinceShare: number): number {
  const cityTotal = province.cities.reduce((sum, c) => sum + c.weight, 0);
  return Math.max(5, Math.round((provinceShare * city.weight) / cityTotal));
}

export function domesticHolder(seed: number, province: Province, city: City, index: number): DomesticHolder {
  const rng = new Rng(mixSeed(seed, province.abbr.charCodeAt(0), city.name.charCodeAt(0), city.name.length, index));
  const first = rng.pick(SYLLABLES);
  let second = rng.pick(SYLLABLES);
  if (second === first) second = SYLLABLES[(SYLLABLES.indexOf(first) + 7) % SYLLABLES.length] as string;
  const brand = rng.chance(0.15) ? `${first}${second}${rng.pick(SYLLABLES)}` : `${first}${second}`;
  const cityWord = province.municipality || rng.chance(city.name === '深圳' ? 0.2 : 0.6) ? city.name : `${city.name}市`;
  const suffix = rng.weighted([
    ['有限公司', 7],
    ['股份有限公司', 2],
    ['有限责任公司', 1],
  ] as const);
  const name = `${cityWord}${brand}${rng.pick(INDUSTRIES)}${suffix}`;
  const address = domesticAddress(rng, province, city);
  const productionAddress = rng.chance(0.6) ? address : domesticAddress(rng, province, city);
  return { name, address, productionAddress };
}

/** An address in a city: `广东省广州市黄埔区科学大道123号3栋5层`. */
export function domesticAddress(rng: Rng, province: Province, city: City): string {
  const cityPart = province.municipality ? '' : `${city.name}市`;
  const floor = rng.int(1, 12);
  const style = rng.int(0, 8);
  const extra =
    style < 3
      ? `${rng.int(1, 20)}栋${floor}层`
      : style < 5
        ? `${rng.int(1, 9)}号楼${floor}01室`
        : style < 7
          ? `厂房${floor}楼`
          : style < 8
            ? `${rng.pick(['A', 'B', 'C', 'D'])}座${floor}层${floor}0${rng.int(1, 9)}室`
            : '';
  return `${province.fullName}${cityPart}${rng.pick(city.districts)}${rng.pick(ROADS)}${rng.int(1, 399)}号${extra}`;
}
