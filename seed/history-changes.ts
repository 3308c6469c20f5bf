import type { DocumentFields } from '../src/certificates/version-input.ts';
import type { IsoDate } from '../src/shared/dates.ts';
import { dayNumber, fromDayNumber } from './demo-dates.ts';
import type { DocDraft, ProductState } from './demo-drafts.ts';
import type { Rng } from './prng.ts';
import { domesticAddress } from './vocabulary/domestic-holders.ts';
import { otherName } from './vocabulary/products.ts';

/** One change: the product after it, what the change document says, and the field's new value. */
interface Change {
  state: ProductState;
  description: string;
  fields: DocumentFields;
}

/**
 * A plausible change to the product (docs/certificates.md §2: a 变更注册文件 says what changed from/to).
 * `who` is 注册人 for registrations and 备案人 for filings.
 */
export function drawChange(rng: Rng, state: ProductState, who: '注册人' | '备案人'): Change {
  const { party } = state;
  const roll = rng.float();
  if (roll < 0.3) {
    const name = otherName(rng, state.kind, state.productName);
    if (name) {
      return {
        state: { ...state, productName: name },
        description: `产品名称由“${state.productName}”变更为“${name}”。`,
        fields: { productName: name },
      };
    }
  }
  // Foreign holders' addresses are not ours to invent; their changes are to names and models.
  if (party.province && party.city && roll >= 0.6) {
    const address = domesticAddress(rng, party.province, party.city);
    if (roll < 0.8) {
      return {
        state: { ...state, party: { ...party, holderAddress: address } },
        description: `${who}住所由“${party.holderAddress}”变更为“${address}”。`,
        fields: { holderAddress: address },
      };
    }
    return {
      state: { ...state, party: { ...party, productionAddress: address } },
      description: `生产地址由“${party.productionAddress}”变更为“${address}”。`,
      fields: { productionAddress: address },
    };
  }
  let spec = state.kind.spec(rng);
  // Drawn the same models again: the change adds the new ones instead.
  if (spec === state.modelSpec) spec = `${state.modelSpec}、${state.kind.spec(rng)}`;
  return {
    state: { ...state, modelSpec: spec },
    description: `型号规格由“${state.modelSpec}”变更为“${spec}”。`,
    fields: { modelSpec: spec },
  };
}

/** Up to `count` sorted distinct days in [from, to]; none when the window is empty. */
export function changeDates(rng: Rng, from: IsoDate, to: IsoDate, count: number): IsoDate[] {
  if (count <= 0 || from > to) return [];
  const days = new Set<number>();
  const first = dayNumber(from);
  const last = dayNumber(to);
  for (let i = 0; i < count; i++) days.add(rng.int(first, last));
  return [...days].sort((a, b) => a - b).map(fromDayNumber);
}

/** How many change documents a certificate period gets: mostly none, sometimes one or two. */
export function changeCount(rng: Rng): number {
  return rng.weighted([
    [0, 60],
    [1, 28],
    [2, 9],
    [3, 3],
  ] as const);
}

/**
 * A 变更注册文件: it names the product and holder, states what changed, and keeps the
 * certificate's expiry (docs/certificates.md §2).
 */
export function changeDocument(
  number: string,
  asIssued: string,
  date: IsoDate,
  expiry: IsoDate,
  change: Change,
  department: string,
): DocDraft {
  return {
    number,
    asIssued,
    documentType: 'change',
    approvalDate: date,
    expiryDate: expiry,
    productName: change.state.productName,
    holder: change.state.party.holder,
    ...change.fields,
    approvalDepartment: department,
    changeDescription: change.description,
  };
}
