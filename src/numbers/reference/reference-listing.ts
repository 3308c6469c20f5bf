import { AUTHORITIES, type Authority } from './authorities.ts';
import { CATALOGUE_2002, type Catalogue2002Entry } from './catalogue-2002.ts';
import { CATALOGUE_2017, type Catalogue2017Entry, IVD_CODE, IVD_NAME } from './catalogue-2017.ts';
import { GUANGDONG_CITIES, type GuangdongCity } from './guangdong-cities.ts';

/** Everything the number engine knows, in the shape an HTTP `GET /reference` can return as is. */
interface ReferenceListing {
  authorities: readonly Authority[];
  guangdongCities: readonly GuangdongCity[];
  catalogues: {
    '2002': readonly Catalogue2002Entry[];
    '2017': readonly Catalogue2017Entry[];
    /** The code IVD reagents carry in both eras. */
    ivd: { code: string; name: string };
  };
}

export const REFERENCE_LISTING: ReferenceListing = Object.freeze({
  authorities: AUTHORITIES,
  guangdongCities: GUANGDONG_CITIES,
  catalogues: Object.freeze({
    '2002': CATALOGUE_2002,
    '2017': CATALOGUE_2017,
    ivd: Object.freeze({ code: IVD_CODE, name: IVD_NAME }),
  }),
});
