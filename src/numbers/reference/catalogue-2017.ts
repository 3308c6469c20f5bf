/**
 * The 2017 classification catalogue's 22 subcategories (01–22), in force for numbers first
 * registered from 2018-08-01. See docs/numbers.md §1.
 */
export interface Catalogue2017Entry {
  /** `14`, as it appears in a certificate number. */
  code: string;
  name: string;
  /** 2002 codes the subcategory roughly replaces; indicative only, not a mapping. */
  related2002: readonly string[];
}

export const CATALOGUE_2017: readonly Catalogue2017Entry[] = Object.freeze(
  (
    [
      ['01', '有源手术器械', '6821 6816 6822 6823 6824 6825 6854 6858'],
      ['02', '无源手术器械', '6801 6802 6805 6808 6809 6816 6822 6865'],
      ['03', '神经和心血管手术器械', '6803 6807 6877'],
      ['04', '骨科手术器械', '6810 6826'],
      ['05', '放射治疗器械', '6830 6832 6833'],
      ['06', '医用成像器械', '6821 6822 6823 6824 6828 6830 6831 6833 6834'],
      ['07', '医用诊察和监护器械', '6820 6821 6823'],
      ['08', '呼吸、麻醉和急救器械', '6805 6821 6823 6826 6854 6856 6866'],
      ['09', '物理治疗器械', '6821 6823 6824 6825 6826 6854 6856 6866'],
      ['10', '输血、透析和体外循环器械', '6845 6866'],
      ['11', '医疗器械消毒灭菌器械', '6857'],
      ['12', '有源植入器械', '6821 6846'],
      ['13', '无源植入器械', '6846 6877'],
      ['14', '注输、护理和防护器械', '6815 6854 6856 6864 6866'],
      ['15', '患者承载器械', '6854 6856'],
      ['16', '眼科器械', '6804 6820 6822 6823 6824 6846 6858'],
      ['17', '口腔科器械', '6806 6823 6855 6863'],
      ['18', '妇产科、辅助生殖和避孕器械', '6812 6813 6822 6823 6826 6846 6854 6865 6866'],
      ['19', '医用康复器械', '6826 6846'],
      ['20', '中医器械', '6827'],
      ['21', '医用软件', '6870'],
      ['22', '临床检验器械', '6815 6822 6833 6840 6841 6858'],
    ] as const
  ).map(([code, name, related]) => Object.freeze({ code, name, related2002: Object.freeze(related.split(' ')) })),
);

/**
 * In vitro diagnostic reagents keep code `40` in both eras; the 2017 catalogue does not list them
 * because IVD reagents have their own catalogue.
 */
export const IVD_CODE = '40';
export const IVD_NAME = '体外诊断试剂';
