import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/**
 * Just enough of XLSX to check a figure in a downloaded workbook: the ZIP's central directory, the shared
 * strings and one sheet's cells (no dependency for a test helper).
 */
function unzip(buffer: Buffer): Map<string, Buffer> {
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a ZIP file');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function texts(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');
}

/** Cell values by row number and column letter ("C" → "86"), strings resolved. */
export type Sheet = Map<number, Map<string, string>>;

/** The sheet at `index` (0: the first) of the workbook file. */
export function readSheet(path: string, index = 0): Sheet {
  const files = unzip(readFileSync(path));
  const shared = [...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) => texts(m[1] ?? ''),
  );
  const xml = files.get(`xl/worksheets/sheet${index + 1}.xml`)?.toString('utf8');
  if (!xml) throw new Error(`no sheet ${index + 1} in ${path}`);
  const sheet: Sheet = new Map();
  for (const m of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, col = '', rowText = '', attrs = '', body = ''] = m;
    const type = /t="(\w+)"/.exec(attrs)?.[1];
    const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const value =
      type === 's' ? (shared[Number(raw)] ?? '') : type === 'inlineStr' ? texts(body) : unescapeXml(raw ?? '');
    const row = Number(rowText);
    if (!sheet.has(row)) sheet.set(row, new Map());
    sheet.get(row)?.set(col, value);
  }
  return sheet;
}

/** The row whose cell in `column` reads `text` (e.g. the indicator's Vietnamese label in column B). */
export function rowWith(sheet: Sheet, column: string, text: string): Map<string, string> | undefined {
  for (const cells of sheet.values()) if (cells.get(column) === text) return cells;
  return undefined;
}
