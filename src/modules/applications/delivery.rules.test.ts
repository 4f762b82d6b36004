import { describe, expect, it } from 'vitest';
import { checkDeliveryDate } from './applications.rules.ts';

describe('APP-7: 登记送达 refuses a delivery day before the reply was signed', () => {
  // Signed at 2026-11-23 17:30 UTC: already 2026-11-24 01:30 in Beijing.
  const signedAt = '2026-11-23T17:30:00.000Z';

  it('refuses the day before the signing, counted in Beijing time', () => {
    expect(() => checkDeliveryDate('2026-11-23', signedAt)).toThrow(
      expect.objectContaining({ code: 'DELIVERY_BEFORE_SIGNING', status: 400, message: '送达日期不能早于答复签发日期（2026-11-24）' }),
    );
  });

  it('accepts the day of the signing and later', () => {
    expect(() => checkDeliveryDate('2026-11-24', signedAt)).not.toThrow();
    expect(() => checkDeliveryDate('2026-12-01', signedAt)).not.toThrow();
  });
});
