/**
 * What an uploaded file really is, judged by its bytes alone: a name or a declared MIME type
 * is whatever the sender says, so an .exe renamed .pdf must not pass as a PDF.
 */
import { AppError } from '../../core/errors.ts';
import { readZip } from './zip.ts';

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

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

function sniffOfficeZip(bytes: Uint8Array): SniffedFile | null {
  let contentTypes: Uint8Array | undefined;
  try {
    contentTypes = readZip(bytes).get('[Content_Types].xml');
  } catch (err) {
    // A ZIP refused for a stated reason (too large unpacked, encrypted…) says so; anything else
    // is not a readable ZIP, whatever its first bytes say.
    if (err instanceof AppError) throw err;
    return null;
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
