import type { IsoDate } from '../../src/shared/dates.ts';
import type { City, Province } from './regions.ts';

/**
 * 审批部门 / 备案单位 as printed at the time: the agencies were renamed in 2003, 2013 and the
 * 2018–2019 reform, and certificates carry the name of the day they were issued.
 */
export function nationalDepartment(date: IsoDate): string {
  if (date < '2003-04-16') return '国家药品监督管理局';
  if (date < '2013-03-22') return '国家食品药品监督管理局';
  if (date < '2018-09-01') return '国家食品药品监督管理总局';
  return '国家药品监督管理局';
}

export function provincialDepartment(province: Province, date: IsoDate): string {
  if (date < '2004-01-01' || date >= '2019-01-01') return `${province.fullName}药品监督管理局`;
  return `${province.fullName}食品药品监督管理局`;
}

/** Class I filings are made with the city's administration (市场监督管理局 since the reform). */
export function filingDepartment(province: Province, city: City, date: IsoDate): string {
  const place = province.municipality ? province.fullName : `${city.name}市`;
  return date < '2019-01-01' ? `${place}食品药品监督管理局` : `${place}市场监督管理局`;
}
