import { contentHash } from '../certificates/content-hash.ts';
import type { DocumentType, Provenance, VersionInput } from '../certificates/version-input.ts';
import type {
  CatalogueEdition,
  CatalogueReading,
  Family,
  Form,
  ManagementClass,
  NumberFlag,
  NumberWarning,
  Origin,
  ParsedNumber,
} from '../numbers/number.types.ts';

/**
 * A batch's versions as they cross from the reader worker to the thread that stores them.
 * Structured-cloning 20,000 nested objects cost the receiving thread about 9 µs a row, as much as
 * reading and validating them; rebuilding them from a table of strings and one Int32Array costs
 * it about 2 µs. The strings are a table of their own (not slices of one long text) so that a
 * string kept after the batch, say as a cache key, holds no batch-sized text alive.
 */
export interface PackedVersions {
  count: number;
  /** Short strings (dates, names, enum values) once per batch; long ones (scope, structure) each time. */
  strings: string[];
  /** Per version, in the order `VersionPacker` writes them: string ids (-1 for null), integers, list lengths. */
  slots: Int32Array<ArrayBuffer>;
}

/** Strings up to this length repeat across rows (dates, holders, the number and its parts) and are sent once. */
const SHARED_MAX_LENGTH = 64;
const NULL = -1;
/** About 45 slots a version: room for a batch of 5,000 before growing. */
const INITIAL_SLOTS = 256 * 1024;

export class VersionPacker {
  private strings: string[] = [];
  private ids = new Map<string, number>();
  private slots = new Int32Array(INITIAL_SLOTS);
  private length = 0;
  private count = 0;

  add(input: VersionInput): void {
    this.text(input.approvalDate);
    this.text(input.effectiveDate);
    this.text(input.expiryDate);
    this.text(input.productName);
    this.text(input.holder);
    this.text(input.holderAddress);
    this.text(input.productionAddress);
    this.text(input.agentName);
    this.text(input.agentAddress);
    this.text(input.modelSpec);
    this.text(input.structure);
    this.text(input.scope);
    this.text(input.approvalDepartment);
    this.text(input.changeDescription);
    this.text(input.remarks);
    this.number(input.number);
    this.text(input.asIssued);
    this.text(input.documentType);
    const previous = input.previousNumbers ?? [];
    this.int(previous.length);
    for (const number of previous) this.number(number);
    this.int(input.provenance.sourceRow ?? NULL);
    // Hashed here, on the reading thread: it was about 2.5 µs of the storing thread's time a row.
    this.unshared(input.contentHash ?? contentHash(input));
    this.count++;
  }

  /** The versions added since the last take; the packer starts a new batch. */
  take(): PackedVersions {
    const packed: PackedVersions = { count: this.count, strings: this.strings, slots: this.slots.slice(0, this.length) };
    this.strings = [];
    this.ids = new Map();
    this.length = 0;
    this.count = 0;
    return packed;
  }

  private number(n: ParsedNumber): void {
    this.text(n.canonical);
    this.text(n.family);
    this.text(n.authority);
    this.text(n.authorityName);
    this.text(n.city);
    this.text(n.cityName);
    this.text(n.form);
    this.text(n.origin);
    this.int(n.year);
    this.text(n.yearMeaning);
    this.int(n.class);
    this.text(n.code);
    this.text(n.serial);
    this.int(n.catalogue.length);
    for (const reading of n.catalogue) {
      this.text(reading.catalogue);
      this.text(reading.code);
      this.text(reading.name);
    }
    this.text(n.matchKey);
    this.int(n.flags.length);
    for (const flag of n.flags) this.text(flag);
    this.int(n.warnings.length);
    for (const warning of n.warnings) this.text(warning);
  }

  private text(value: string | null | undefined): void {
    if (value === null || value === undefined) {
      this.int(NULL);
      return;
    }
    if (value.length > SHARED_MAX_LENGTH) {
      this.int(this.strings.push(value) - 1);
      return;
    }
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.strings.push(value) - 1;
      this.ids.set(value, id);
    }
    this.int(id);
  }

  /** A string no other row has (a digest): not worth a lookup in the shared table. */
  private unshared(value: string): void {
    this.int(this.strings.push(value) - 1);
  }

  private int(value: number): void {
    if (this.length === this.slots.length) {
      const grown = new Int32Array(this.slots.length * 2);
      grown.set(this.slots);
      this.slots = grown;
    }
    this.slots[this.length++] = value;
  }
}

/**
 * Rebuilds the versions, with the shape the validator gives them and their content hash. The provenance is the run's,
 * which the receiving thread already has; only each version's row travels.
 */
export function unpackVersions(packed: PackedVersions, provenance: Omit<Provenance, 'sourceRow'>): VersionInput[] {
  const reader = new SlotReader(packed);
  const versions: VersionInput[] = new Array(packed.count);
  for (let i = 0; i < packed.count; i++) versions[i] = reader.version(provenance);
  return versions;
}

/**
 * Reads back what `VersionPacker` wrote, in the same order. The casts are sound: every value was
 * written from a validated VersionInput of the same type.
 */
class SlotReader {
  private at = 0;
  private readonly strings: readonly string[];
  private readonly slots: Int32Array;

  constructor(packed: PackedVersions) {
    this.strings = packed.strings;
    this.slots = packed.slots;
  }

  version(provenance: Omit<Provenance, 'sourceRow'>): VersionInput {
    const approvalDate = this.text();
    const effectiveDate = this.text();
    const expiryDate = this.text();
    const productName = this.text();
    const holder = this.text();
    const holderAddress = this.text();
    const productionAddress = this.text();
    const agentName = this.text();
    const agentAddress = this.text();
    const modelSpec = this.text();
    const structure = this.text();
    const scope = this.text();
    const approvalDepartment = this.text();
    const changeDescription = this.text();
    const remarks = this.text();
    const number = this.number();
    const asIssued = this.text() as string;
    const documentType = this.text() as DocumentType;
    const previousNumbers = this.list(() => this.number());
    const sourceRow = this.int();
    const hash = this.text() as string;
    const { source, sourceRef, fetchedAt, importRunId } = provenance;
    return {
      approvalDate,
      effectiveDate,
      expiryDate,
      productName,
      holder,
      holderAddress,
      productionAddress,
      agentName,
      agentAddress,
      modelSpec,
      structure,
      scope,
      approvalDepartment,
      changeDescription,
      remarks,
      number,
      asIssued,
      documentType,
      previousNumbers,
      provenance: { source, sourceRef, sourceRow: sourceRow === NULL ? null : sourceRow, fetchedAt, importRunId },
      contentHash: hash,
    };
  }

  private number(): ParsedNumber {
    // An object literal evaluates its fields in order: the same order the packer wrote them.
    return {
      canonical: this.text() as string,
      family: this.text() as Family,
      authority: this.text() as string,
      authorityName: this.text() as string,
      city: this.text(),
      cityName: this.text(),
      form: this.text() as Form | null,
      origin: this.text() as Origin,
      year: this.int(),
      yearMeaning: this.text() as ParsedNumber['yearMeaning'],
      class: this.int() as ManagementClass,
      code: this.text(),
      serial: this.text() as string,
      catalogue: this.list(
        (): CatalogueReading => ({ catalogue: this.text() as CatalogueEdition, code: this.text() as string, name: this.text() as string }),
      ),
      matchKey: this.text() as string,
      flags: this.list(() => this.text() as NumberFlag),
      warnings: this.list(() => this.text() as NumberWarning),
    };
  }

  /** A counted run of items: the count, then each item. */
  private list<T>(read: () => T): T[] {
    const items: T[] = [];
    for (let n = this.int(); n > 0; n--) items.push(read());
    return items;
  }

  private text(): string | null {
    const id = this.slots[this.at++]!;
    return id === NULL ? null : this.strings[id]!;
  }

  private int(): number {
    return this.slots[this.at++]!;
  }
}
