import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-certref-signature';
export const TIMESTAMP_HEADER = 'x-certref-timestamp';
export const EVENT_HEADER = 'x-certref-event';
export const DELIVERY_HEADER = 'x-certref-delivery';

/**
 * `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` with CALLBACK_SECRET. Signing the timestamp
 * with the body lets receivers refuse replays of old deliveries.
 */
export function signCallback(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}
