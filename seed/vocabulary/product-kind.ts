import type { ManagementClass } from '../../src/numbers/number.types.ts';
import type { SpecMaker } from './model-specs.ts';

/**
 * A kind of product and everything a certificate for it says: names, the catalogue codes that
 * would appear in its number in each era, the classes it can be registered in, how its 型号规格
 * look, its 结构及组成 and 适用范围.
 */
export interface ProductKind {
  /** Names used on certificates; a 变更注册 that renames the product picks another one. */
  names: readonly string[];
  /** 2017 catalogue code (`14`), or `40` for IVD reagents. */
  code2017: string;
  /** Last two digits of the 2002 catalogue code (`66` for 6866), or `40` for IVD reagents. */
  code2002: string;
  classes: readonly ManagementClass[];
  spec: SpecMaker;
  structure: string;
  scope: string;
  /** IVD reagents print 主要组成成分 / 预期用途 under the same fields. */
  ivd?: boolean;
  /** First day such a product could be approved (2019-nCoV tests exist from 2020). */
  since?: string;
}
