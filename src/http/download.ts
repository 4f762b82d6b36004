import type { FastifyReply } from 'fastify';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends bytes as a download under their Chinese file name (RFC 5987 encoding, which every
 * current browser reads). `cache` says who may keep a copy: public files for an hour,
 * anything personal never. `inline` lets the browser show the file itself (a public PDF
 * opens in its viewer) and still names it for saving.
 */
export function sendDownload(reply: FastifyReply, file: { name: string; mime: string; bytes: Uint8Array }, cache: 'public' | 'private' | 'no-store' = 'private', disposition: 'attachment' | 'inline' = 'attachment') {
  return reply
    .type(file.mime)
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('cache-control', cache === 'public' ? 'public, max-age=3600' : cache === 'no-store' ? 'no-store' : 'private, no-cache')
    .send(Buffer.from(file.bytes));
}
