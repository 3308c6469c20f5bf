/**
 * One `<device>` of the NMPA UDI download (one per UDI-DI), reduced to what certref keeps. Field
 * list: docs/certificates.md §5. Every value is trimmed text or null.
 */
export interface UdiDeviceRecord {
  /** deviceRecordKey: the database's key of this record; incremental files update by it. */
  recordKey: string | null;
  /** zxxsdycpbs: the primary DI (最小销售单元产品标识). */
  di: string | null;
  /** versionNumber: how many times this DI's data changed. */
  versionNumber: string | null;
  versionTime: string | null;
  /** versionStauts (sic): 新增 / 更新. */
  versionStatus: string | null;
  /** zczbhhzbapzbh: the certificate number(s), possibly several, comma-separated or run together. */
  numbersText: string | null;
  /** cpmctymc: product / generic name. */
  productName: string | null;
  /** spmc: trade name. */
  tradeName: string | null;
  /** ggxh: model / specification. */
  modelSpec: string | null;
  /** ylqxzcrbarmc: registrant / filer. */
  holder: string | null;
  /** ylqxzcrbarywmc: registrant's English name. */
  holderEn: string | null;
  /** tyshxydm: unified social credit code (the agent's, for foreign registrants). */
  creditCode: string | null;
  /** qxlb: 器械 / 体外诊断试剂 (or 1 / 2). */
  deviceKind: string | null;
  /** cplb: 耗材 / 设备 (or 0 / 1). */
  productCategory: string | null;
  /** flbm: 2017 catalogue code, e.g. 01-01-01. */
  catalogueCode: string | null;
  /** yflbm: 2002 catalogue code, e.g. 6866. */
  oldCatalogueCode: string | null;
  /** cpbsfbrq: when the DI was published; a UDI date, not a certificate date. */
  diPublishedOn: string | null;
  /** tsrq: withdrawn from sale on. */
  withdrawnOn: string | null;
}

export type UdiField = keyof UdiDeviceRecord;

/**
 * Tag → field. Both spellings of the misspelled status tag are accepted in case NMPA fixes it.
 * Only direct children of `<device>` are read: the nested lists (packing, storage …) are skipped.
 */
export const DEVICE_TAGS: ReadonlyMap<string, UdiField> = new Map<string, UdiField>([
  ['deviceRecordKey', 'recordKey'],
  ['zxxsdycpbs', 'di'],
  ['versionNumber', 'versionNumber'],
  ['versionTime', 'versionTime'],
  ['versionStauts', 'versionStatus'],
  ['versionStatus', 'versionStatus'],
  ['zczbhhzbapzbh', 'numbersText'],
  ['cpmctymc', 'productName'],
  ['spmc', 'tradeName'],
  ['ggxh', 'modelSpec'],
  ['ylqxzcrbarmc', 'holder'],
  ['ylqxzcrbarywmc', 'holderEn'],
  ['tyshxydm', 'creditCode'],
  ['qxlb', 'deviceKind'],
  ['cplb', 'productCategory'],
  ['flbm', 'catalogueCode'],
  ['yflbm', 'oldCatalogueCode'],
  ['cpbsfbrq', 'diPublishedOn'],
  ['tsrq', 'withdrawnOn'],
]);

/** The header's record count; the tag is misspelled in every NMPA file. */
export const HEADER_COUNT_TAGS: ReadonlySet<string> = new Set(['numberRkeyecordXML', 'numberRecordXML']);

export function emptyDevice(): UdiDeviceRecord {
  return {
    recordKey: null,
    di: null,
    versionNumber: null,
    versionTime: null,
    versionStatus: null,
    numbersText: null,
    productName: null,
    tradeName: null,
    modelSpec: null,
    holder: null,
    holderEn: null,
    creditCode: null,
    deviceKind: null,
    productCategory: null,
    catalogueCode: null,
    oldCatalogueCode: null,
    diPublishedOn: null,
    withdrawnOn: null,
  };
}
