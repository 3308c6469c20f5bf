/** The kinds of evidence accepted, recognised by their first bytes whatever the file is called. */
export interface EvidenceKind {
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
  extension: 'pdf' | 'jpg' | 'png';
}

const SIGNATURES: { bytes: number[]; kind: EvidenceKind }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: { mediaType: 'application/pdf', extension: 'pdf' } }, // %PDF-
  { bytes: [0xff, 0xd8, 0xff], kind: { mediaType: 'image/jpeg', extension: 'jpg' } },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: { mediaType: 'image/png', extension: 'png' } },
];

/** Enough of the file's start to recognise every accepted kind. */
export const SIGNATURE_LENGTH = 8;

export function sniffEvidence(head: Uint8Array): EvidenceKind | null {
  for (const { bytes, kind } of SIGNATURES) {
    if (head.length >= bytes.length && bytes.every((byte, index) => head[index] === byte)) return kind;
  }
  return null;
}

export function extensionOf(mediaType: string): EvidenceKind['extension'] {
  return SIGNATURES.find((s) => s.kind.mediaType === mediaType)?.kind.extension ?? 'pdf';
}
