/**
 * What an uploaded file really is, judged by its bytes alone: a name or a declared MIME type
 * is whatever the sender says, so an .exe renamed .pdf must not pass as a PDF.
 */
import { unzipSync, type Unzipped } from 'fflate';

export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg';
export type SniffedFile = { kind: FileKind; mime: string; ext: string };

const TYPES: Record<FileKind, SniffedFile> = {
  pdf: { kind: 'pdf', mime: 'application/pdf', ext: 'pdf' },
  docx: { kind: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  xlsx: { kind: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  png: { kind: 'png', mime: 'image/png', ext: 'png' },
  jpeg: { kind: 'jpeg', mime: 'image/jpeg', ext: 'jpg' },
};

const SIGNATURES: Array<[FileKind, number[]]> = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4

// The content type of the main part is what makes a ZIP a Word or Excel file (ECMA-376 Part 2).
// Macro-enabled and template variants have other content types and are refused on purpose.
const MAIN_PART_TYPES: Array<[FileKind, string]> = [
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
];

/**
 * Inflated size allowed for the entries taken from one ZIP. fflate sizes its output buffer
 * from the size each entry declares and does not grow it, so capping the declared sizes caps
 * the memory a decompression bomb can take.
 */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;

/** The entries of a ZIP whose names `keep` accepts; only those are inflated. Throws on a bad ZIP. */
export function unzipEntries(bytes: Uint8Array, keep: (name: string) => boolean): Unzipped {
  let total = 0;
  return unzipSync(bytes, {
    filter: (entry) => {
      if (!keep(entry.name)) return false;
      total += entry.originalSize;
      if (total > MAX_UNZIPPED_BYTES) throw new RangeError('压缩包解压后过大');
      return true;
    },
  });
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

function sniffOfficeZip(bytes: Uint8Array): SniffedFile | null {
  let contentTypes: Uint8Array | undefined;
  try {
    contentTypes = unzipEntries(bytes, (name) => name === '[Content_Types].xml')['[Content_Types].xml'];
  } catch {
    return null; // not a readable ZIP, whatever its first bytes say
  }
  if (!contentTypes) return null;
  const xml = new TextDecoder().decode(contentTypes);
  const declared = new Set([...xml.matchAll(/\bContentType\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]));
  const found = MAIN_PART_TYPES.find(([, type]) => declared.has(type));
  return found ? { ...TYPES[found[0]] } : null;
}

/** The kind of file by its content, or null for anything not accepted as an attachment. */
export function sniffFile(bytes: Uint8Array): SniffedFile | null {
  const signed = SIGNATURES.find(([, signature]) => startsWith(bytes, signature));
  if (signed) return { ...TYPES[signed[0]] };
  return startsWith(bytes, ZIP_SIGNATURE) ? sniffOfficeZip(bytes) : null;
}
