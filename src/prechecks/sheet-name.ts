import yauzl from 'yauzl';

const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
/** workbook.xml and its relationships are a few KB; a part larger than this is not read for a name. */
const MAX_PART_BYTES = 4 * 1024 * 1024;
const FALLBACK = 'Sheet1';

/**
 * The name of the sheet the import's XLSX reader reads (the first worksheet part in the archive),
 * so that the corrected workbook carries the same sheet name. The import reader does not report it,
 * and its decompression budget is not needed here: only two small parts are inflated, each capped.
 */
export async function firstSheetName(path: string): Promise<string> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  } catch {
    // The import reader refuses a broken archive with its own coded error right after.
    return FALLBACK;
  }
  try {
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    const sheet = [...entries.values()].find((entry) => WORKSHEET.test(entry.fileName));
    const workbook = await partText(zip, entries.get('xl/workbook.xml'));
    const rels = await partText(zip, entries.get('xl/_rels/workbook.xml.rels'));
    if (!sheet || workbook === null || rels === null) return FALLBACK;
    const target = sheet.fileName.replace(/^xl\//, '');
    const relId = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
      .map(([tag]) => ({ id: attribute(tag, 'Id'), target: attribute(tag, 'Target')?.replace(/^\/?xl\//, '') }))
      .find((rel) => rel.target === target)?.id;
    const sheetTag = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map(([tag]) => tag).find((tag) => attribute(tag, 'r:id') === relId);
    const name = sheetTag ? attribute(sheetTag, 'name') : null;
    return name ? unescapeXml(name) : FALLBACK;
  } catch {
    return FALLBACK;
  } finally {
    zip.close();
  }
}

async function partText(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<string | null> {
  if (!entry || entry.uncompressedSize > MAX_PART_BYTES) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function attribute(tag: string, name: string): string | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\s${escaped}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
