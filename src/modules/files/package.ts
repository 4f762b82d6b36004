/**
 * An Office file as the Open Packaging Conventions define it (ECMA-376 Part 2): parts, their
 * content types from `[Content_Types].xml`, and the relationships that link them, starting at
 * the package's own `_rels/.rels`. What is in the document is what the relationships reach,
 * whatever the parts are called: `word/document2.xml` is the body if `.rels` says so.
 */
import { badRequest } from '../../core/errors.ts';
import { localName, tokenizeXml, xmlAttr } from './xml.ts';
import { readZip } from './zip.ts';

/** `type` is the last segment of `typeUri` (…/relationships/comments → comments). */
export type Relationship = { id: string; type: string; typeUri: string; target: string; external: boolean };
export type Part = { name: string; contentType: string; data: Uint8Array; reachedBy: string };

export type OfficePackage = {
  /** Every entry of the ZIP, reachable or not. */
  entries: Map<string, Uint8Array>;
  /** The parts the relationships reach, in the order they are reached (the main part first). */
  parts: Map<string, Part>;
  main: Part;
  relationships: (source: string) => Relationship[];
};

const decoder = new TextDecoder();
export const partXml = (data: Uint8Array | undefined) => (data ? decoder.decode(data) : '');

/** The relationships part of a part: word/document.xml → word/_rels/document.xml.rels; '' is the package. */
export const relsPartOf = (source: string) => {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
};

/** A relationship target as a part name, resolved against the folder of the source part. */
export function resolveTarget(sourcePart: string, target: string): string {
  const path = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const piece of decodeURI(target.split('#')[0]!).split('/')) {
    if (piece === '..') path.pop();
    else if (piece !== '' && piece !== '.') path.push(piece);
  }
  return path.join('/');
}

function contentTypes(entries: Map<string, Uint8Array>) {
  const xml = entries.get('[Content_Types].xml');
  if (!xml) throw badRequest('FILE_UNREADABLE', '文件无法读取：缺少内容类型说明');
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const t of tokenizeXml(partXml(xml))) {
    if (t.type !== 'empty' && t.type !== 'open') continue;
    const type = xmlAttr(t.raw, 'ContentType') ?? '';
    if (localName(t.name) === 'Default') defaults.set((xmlAttr(t.raw, 'Extension') ?? '').toLowerCase(), type);
    if (localName(t.name) === 'Override') overrides.set((xmlAttr(t.raw, 'PartName') ?? '').replace(/^\//, '').toLowerCase(), type);
  }
  return (name: string) => overrides.get(name.toLowerCase()) ?? defaults.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase()) ?? '';
}

/** Opens a package and walks its relationships from the package root. */
export function openPackage(bytes: Uint8Array): OfficePackage {
  const entries = readZip(bytes);
  const typeOf = contentTypes(entries);
  const relsCache = new Map<string, Relationship[]>();
  const relationships = (source: string): Relationship[] => {
    const cached = relsCache.get(source);
    if (cached) return cached;
    const rels = tokenizeXml(partXml(entries.get(relsPartOf(source))))
      .filter((t) => (t.type === 'empty' || t.type === 'open') && localName(t.name) === 'Relationship')
      .map((t) => {
        const external = xmlAttr(t.raw, 'TargetMode') === 'External';
        const target = xmlAttr(t.raw, 'Target') ?? '';
        const typeUri = xmlAttr(t.raw, 'Type') ?? '';
        return { id: xmlAttr(t.raw, 'Id') ?? '', type: typeUri.slice(typeUri.lastIndexOf('/') + 1), typeUri, external, target: external ? target : resolveTarget(source, target) };
      });
    relsCache.set(source, rels);
    return rels;
  };
  const parts = new Map<string, Part>();
  const queue = [''];
  while (queue.length > 0) {
    const source = queue.shift()!;
    for (const rel of relationships(source)) {
      if (rel.external || parts.has(rel.target)) continue;
      const data = entries.get(rel.target);
      if (!data) continue;
      parts.set(rel.target, { name: rel.target, contentType: typeOf(rel.target), data, reachedBy: rel.type });
      queue.push(rel.target);
    }
  }
  const mainRel = relationships('').find((r) => r.type === 'officeDocument' && !r.external);
  const main = mainRel && parts.get(mainRel.target);
  if (!main) throw badRequest('FILE_UNREADABLE', '文件无法读取：找不到文档主体');
  return { entries, parts, main, relationships };
}

/** The parts a part links to with relationships of the given types, in the order listed. */
export const linkedParts = (pkg: OfficePackage, source: string, types: readonly string[]) =>
  pkg.relationships(source).filter((r) => !r.external && types.includes(r.type)).map((r) => pkg.parts.get(r.target)).filter((p): p is Part => !!p);
