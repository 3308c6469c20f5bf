import { FIELD_MASK, FILING_KEY, MAX_CERTIFICATE_ID, ROWID_SHIFT, STATUS_INDEX } from '../doc-code.ts';
import type { CodeFilter } from './facet-counter.ts';

/**
 * The filters as SQL conditions on the FTS row id's bits (`doc-code.ts`): nothing is read but the
 * row id. Values travel as named parameters; only constants from doc-code are written into the SQL,
 * so the SQL text varies with which filters are set, not with their values.
 */
interface RowidConditions {
  /** Family, class, authority and status: the facet filters, ANDed; null when none is set. */
  facets: string | null;
  /** Year range and excluded certificates: what no hit may fail, facet or not; null when neither. */
  always: string | null;
  params: Record<string, number | string>;
}

const bits = (field: keyof typeof FIELD_MASK): string => `((rowid >> ${ROWID_SHIFT[field]}) & ${FIELD_MASK[field]})`;

export function rowidConditions(f: CodeFilter, exclude: readonly number[]): RowidConditions {
  const facets: string[] = [];
  const always: string[] = [];
  const params: Record<string, number | string> = {};
  const equal = (field: 'family' | 'class' | 'authority', value: number): void => {
    if (value < 0) return;
    facets.push(`${bits(field)} = @${field}`);
    params[field] = value;
  };
  equal('family', f.family);
  equal('class', f.managementClass);
  equal('authority', f.authority);
  if (f.status >= 0) {
    const notFiling = `${bits('family')} <> ${FILING_KEY}`;
    const expiry = bits('expiry');
    const byStatus: Record<number, string> = {
      [STATUS_INDEX.valid]: `${notFiling} AND ${expiry} <= @validUpTo`,
      [STATUS_INDEX.expired]: `${notFiling} AND ${expiry} > @validUpTo AND ${expiry} < ${FIELD_MASK.expiry}`,
      [STATUS_INDEX.filed]: `${bits('family')} = ${FILING_KEY}`,
      [STATUS_INDEX.unknown]: `${notFiling} AND ${expiry} = ${FIELD_MASK.expiry}`,
    };
    facets.push(`(${byStatus[f.status]})`);
    if (f.status === STATUS_INDEX.valid || f.status === STATUS_INDEX.expired) params.validUpTo = f.validUpTo;
  }
  if (f.yearKeyMin > 0 || f.yearKeyMax < FIELD_MASK.year) {
    always.push(`${bits('year')} BETWEEN @yearKeyMin AND @yearKeyMax`);
    params.yearKeyMin = f.yearKeyMin;
    params.yearKeyMax = f.yearKeyMax;
  }
  if (exclude.length > 0) {
    always.push(`(rowid & ${MAX_CERTIFICATE_ID}) NOT IN (SELECT value FROM json_each(@excluded))`);
    params.excluded = JSON.stringify(exclude);
  }
  return { facets: facets.length > 0 ? facets.join(' AND ') : null, always: always.length > 0 ? always.join(' AND ') : null, params };
}

/** ` AND …` for each condition given, for appending to a WHERE clause. */
export function andAll(...conditions: (string | null)[]): string {
  return conditions
    .filter((c): c is string => c !== null)
    .map((c) => ` AND ${c}`)
    .join('');
}
