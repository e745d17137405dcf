/**
 * What a button carries: the prompt's token and the chosen value, within Telegram's 64-byte limit.
 * The chat and the person come from the callback query itself.
 */
const PREFIX = 'c';

export function encodeCallback(token: string, value: string): string {
  const data = `${PREFIX}|${token}|${value}`;
  if (Buffer.byteLength(data) > 64) throw new RangeError(`callback data over 64 bytes for token ${token}`);
  return data;
}

export function decodeCallback(data: string): { token: string; value: string } | undefined {
  const [prefix, token, ...rest] = data.split('|');
  if (prefix !== PREFIX || !token || rest.length === 0) return undefined;
  return { token, value: rest.join('|') };
}
