import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/certificates/content-hash.ts';
import { DOCUMENT_FIELD_NAMES, type VersionInput } from '../../src/certificates/version-input.ts';
import { unpackVersions, VersionPacker } from '../../src/imports/version-packing.ts';
import { normalise } from '../../src/numbers/normalise.ts';
import type { ParsedNumber } from '../../src/numbers/number.types.ts';

function parsed(text: string): ParsedNumber {
  const [number] = normalise(text, { currentYear: 2025 }).numbers;
  if (!number) throw new Error(`not a number: ${text}`);
  return number;
}

const PROVENANCE = { source: 'import', sourceRef: 'certs.csv', fetchedAt: '2025-06-01T04:00:00.000Z', importRunId: 7 };
/** Longer than the strings the packer shares: sent with every version that has it. */
const LONG = '用于临床手术中对患者进行常规防护，适用于普通外科、骨科、心胸外科等各类手术环境以及其他需要防护的场合。'.repeat(2);

/** Every document field filled, so that a field the packer forgot cannot go unnoticed. */
const FULL: VersionInput = {
  ...Object.fromEntries(DOCUMENT_FIELD_NAMES.map((field) => [field, `${field} 的值`])),
  approvalDate: '2023-06-01',
  effectiveDate: '2023-06-01',
  expiryDate: '2027-04-30',
  scope: LONG,
  number: parsed('粤械注准２０１７２０１０１２３'),
  asIssued: '粤械注准２０１７２０１０１２３',
  documentType: 'change',
  previousNumbers: [parsed('国食药监械(准)字2008第3450116号'), parsed('国械注准20163460441（更）')],
  provenance: { ...PROVENANCE, sourceRow: 3 },
};

/** Fields left empty as the validator leaves them: null, and no previous numbers. */
const SPARSE: VersionInput = {
  approvalDate: '2018-06-01',
  effectiveDate: null,
  expiryDate: null,
  productName: '医用棉签',
  holder: '广州某某卫材有限公司',
  holderAddress: null,
  productionAddress: null,
  agentName: null,
  agentAddress: null,
  modelSpec: null,
  structure: null,
  scope: LONG,
  approvalDepartment: null,
  changeDescription: null,
  remarks: null,
  number: parsed('粤穗械备20180539'),
  asIssued: '粤穗械备20180539',
  documentType: 'filing',
  previousNumbers: [],
  provenance: { ...PROVENANCE, sourceRow: 4 },
};

/** What crosses: the version as given, with the content hash the reading thread worked out. */
const hashed = (input: VersionInput): VersionInput => ({ ...input, contentHash: contentHash(input) });

describe('packed versions', () => {
  it('come back equal, key for key, after crossing to another thread', () => {
    expect(FULL.number.catalogue).toHaveLength(2);
    expect(FULL.number.flags).toEqual(['characters_normalised']);
    expect(SPARSE.number.cityName).toBe('广州市');
    const packer = new VersionPacker();
    for (const input of [FULL, SPARSE, FULL]) packer.add(input);
    const crossed = structuredClone(packer.take());
    const versions = unpackVersions(crossed, PROVENANCE);
    expect(versions).toStrictEqual([FULL, SPARSE, FULL].map(hashed));
    // Same key order too: V8 gives objects built alike one shape, which the writer's loops rely on.
    expect(versions.map((version) => Object.keys(version))).toEqual([FULL, SPARSE, FULL].map((input) => Object.keys(hashed(input))));
    expect(Object.keys(versions[0]!.number)).toEqual(Object.keys(FULL.number));
  });

  it('send a repeated short string once per batch, and start afresh after each take', () => {
    const packer = new VersionPacker();
    packer.add(SPARSE);
    const first = packer.take();
    packer.add(SPARSE);
    packer.add(SPARSE);
    const second = packer.take();
    expect(first.strings.filter((text) => text === '广州某某卫材有限公司')).toHaveLength(1);
    expect(second.strings.filter((text) => text === '广州某某卫材有限公司')).toHaveLength(1);
    expect(second.strings.filter((text) => text === LONG)).toHaveLength(2);
    expect(unpackVersions(second, PROVENANCE)).toStrictEqual([SPARSE, SPARSE].map(hashed));
  });
});
