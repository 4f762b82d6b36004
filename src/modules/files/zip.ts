/**
 * A strict ZIP reader for Office packages. A general unzipper is lenient on purpose: it trusts
 * the sizes an entry declares, takes the last of two entries of the same name, ignores CRCs.
 * Each leniency is a way to show the scanner one text and a reader of the published file
 * another, so here every entry is inflated without trusting its declared size and checked
 * against it and its CRC, and a package that is not exactly what it says is refused, with
 * the real reason in Chinese.
 */
import { inflateRawSync } from 'node:zlib';
import CRC32 from 'crc-32';
import { badRequest } from '../../core/errors.ts';

/** Inflated size allowed for one package, whatever it declares. */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;
/** Inflated size allowed per stored byte: office XML compresses about 10:1, a bomb 1000:1. */
export const MAX_UNZIP_RATIO = 100;

/** Refuses the package as unreadable, saying why (压缩包解压后过大, not 已损坏). */
export const zipRefused = (reason: string) => badRequest('FILE_UNREADABLE', `文件无法读取：${reason}`);

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

type CentralEntry = {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
};

function endOfCentralDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw new Error('no ZIP end record: not a ZIP file'); // reported as damaged, or as not a ZIP at all
}

function centralDirectory(bytes: Uint8Array): { entries: CentralEntry[]; start: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const start = view.getUint32(eocd + 16, true);
  if (count === 0xffff || start === 0xffffffff) throw zipRefused('不支持 ZIP64 格式的压缩包');
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 8, true) !== count) throw zipRefused('不支持分卷压缩包');
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const entries: CentralEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) throw zipRefused('压缩包目录已损坏');
    const nameLength = view.getUint16(at + 28, true);
    const entry = {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (at !== eocd) throw zipRefused('压缩包目录已损坏');
  return { entries, start };
}

/**
 * Every entry of a ZIP, checked: no encrypted entry, no two entries of one name (compared
 * case-insensitively, as Office does), no bytes between entries that the directory does not
 * list (a hidden entry an unzip tool would still find), each entry's local header agreeing with
 * the directory, its inflated data exactly as long as declared and matching its CRC, and the
 * whole within MAX_UNZIPPED_BYTES and MAX_UNZIP_RATIO.
 */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { entries, start } = centralDirectory(bytes);
  const budget = Math.min(MAX_UNZIPPED_BYTES, Math.max(bytes.byteLength, 64 * 1024) * MAX_UNZIP_RATIO);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > budget) throw zipRefused('压缩包解压后过大');
  const out = new Map<string, Uint8Array>();
  const seen = new Set<string>();
  let expectedOffset = 0;
  let total = 0;
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    const folded = e.name.toLowerCase();
    if (seen.has(folded)) throw zipRefused(`压缩包中有重名的条目“${e.name}”`);
    seen.add(folded);
    if (e.flags & 0x1) throw zipRefused('压缩包中有加密的内容');
    if (e.method !== 0 && e.method !== 8) throw zipRefused('压缩包使用了不支持的压缩方式');
    if (e.localOffset !== expectedOffset || e.localOffset + 30 > start || view.getUint32(e.localOffset, true) !== LOCAL) {
      throw zipRefused('压缩包中有目录之外的内容');
    }
    const nameLength = view.getUint16(e.localOffset + 26, true);
    const dataStart = e.localOffset + 30 + nameLength + view.getUint16(e.localOffset + 28, true);
    const localName = new TextDecoder().decode(bytes.subarray(e.localOffset + 30, e.localOffset + 30 + nameLength));
    if (localName !== e.name) throw zipRefused('压缩包条目名称前后不一致');
    const dataEnd = dataStart + e.compressedSize;
    if (dataEnd > start) throw zipRefused('压缩包已损坏');
    const raw = bytes.subarray(dataStart, dataEnd);
    let data: Uint8Array;
    if (e.method === 0) data = raw;
    else {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget - total) });
      } catch (err) {
        throw (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? zipRefused('压缩包解压后过大') : zipRefused('压缩包已损坏');
      }
    }
    total += data.byteLength;
    if (data.byteLength !== e.size) throw zipRefused(`压缩包条目“${e.name}”的声明大小与实际内容不符`);
    if ((CRC32.buf(data) >>> 0) !== e.crc) throw zipRefused(`压缩包条目“${e.name}”的校验值不符`);
    // A data descriptor (12 or 16 bytes, after the data) follows when bit 3 is set.
    expectedOffset = dataEnd + (e.flags & 0x8 ? (view.getUint32(dataEnd, true) === 0x08074b50 ? 16 : 12) : 0);
    if (!e.name.endsWith('/')) out.set(e.name, data);
  }
  if (expectedOffset !== start) throw zipRefused('压缩包中有目录之外的内容');
  return out;
}
