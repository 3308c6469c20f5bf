import type { DocumentFields, DocumentType } from '../src/certificates/version-input.ts';
import type { IsoDate } from '../src/shared/dates.ts';
import type { Party } from './demo-parties.ts';
import type { Rng } from './prng.ts';
import type { ProductKind } from './vocabulary/product-kind.ts';

/**
 * One document before its number is parsed: the histories speak in number strings, and
 * demo-data.ts hands every string to the number engine once.
 */
export interface DocDraft extends DocumentFields {
  number: string;
  asIssued: string;
  documentType: DocumentType;
  previousNumbers?: string[];
}

/** The product as it stands at a point of its history; a change document replaces it. */
export interface ProductState {
  kind: ProductKind;
  productName: string;
  modelSpec: string;
  party: Party;
}

/** What the histories need besides the product: randomness, the reference date, the issuer. */
export interface HistoryContext {
  rng: Rng;
  today: IsoDate;
  /** 审批部门 / 备案单位 of a document issued on `date`. */
  department(date: IsoDate): string;
}

export function newProduct(rng: Rng, kind: ProductKind, party: Party): ProductState {
  return { kind, productName: rng.pick(kind.names), modelSpec: kind.spec(rng), party };
}

/** Every field a full certificate (registration, renewal, filing) prints. */
export function certificateFields(state: ProductState, department: string): DocumentFields {
  return {
    productName: state.productName,
    holder: state.party.holder,
    holderAddress: state.party.holderAddress,
    productionAddress: state.party.productionAddress,
    agentName: state.party.agentName,
    agentAddress: state.party.agentAddress,
    modelSpec: state.modelSpec,
    structure: state.kind.structure,
    scope: state.kind.scope,
    approvalDepartment: department,
  };
}
