import { describe, expect, it } from 'vitest';
import { decodeCallback, encodeCallback } from '../../../src/adapters/telegram/callback-data.js';
import { escapeHtml, renderForTelegram } from '../../../src/adapters/telegram/render.js';
import { EngineDriver } from '../../helpers/engine-driver.js';

describe('rendering for Telegram', () => {
  it('escapes what people typed, and turns emphasis into HTML', () => {
    const html = renderForTelegram({ text: [{ text: 'Hi ' }, { text: 'there', bold: true }, { text: ' <b>&</b> *x*' }] }).html;
    expect(html).toBe('Hi <b>there</b> &lt;b&gt;&amp;&lt;/b&gt; *x*');
    expect(escapeHtml('<a href="x">')).toBe('&lt;a href="x"&gt;');
  });

  it('shows a 0-10 scale as two rows of number buttons carrying the prompt token', () => {
    const d = new EngineDriver();
    d.type('/checkin');
    const t = d.type('3');
    const rendered = renderForTelegram(t.messages.at(-1)!);
    const rows = rendered.keyboard!.inline_keyboard;
    expect(rows.map((r) => r.length)).toEqual([6, 5]);
    const token = d.state.stack[0]!.token;
    expect(rows[0]![0]).toEqual({ text: '0', callback_data: `c|${token}|0` });
    expect(rendered.html).toContain('0 = none at all … 10 = very strong');
  });

  it('lays out choices two short labels to a row, long labels alone', () => {
    const d = new EngineDriver();
    for (const line of ['/checkin', '3', '1', '7', '3']) d.type(line);
    const rows = renderForTelegram(d.transitions.at(-1)!.messages.at(-1)!).keyboard!.inline_keyboard;
    expect(rows.flat().map((b) => b.text)).toEqual(['Anxious', 'Lonely', 'Sad', 'Angry', 'Ashamed', 'Restless', 'Tired', 'Overwhelmed', 'Calm', 'Hopeful', 'Something else']);
    expect(rows.every((r) => r.length <= 2)).toBe(true);
  });

  it('offers a skip button where a step can be skipped', () => {
    const d = new EngineDriver();
    d.type('/ground');
    const rows = renderForTelegram(d.transitions.at(-1)!.messages.at(-1)!).keyboard!.inline_keyboard;
    expect(rows).toEqual([[{ text: 'Done', callback_data: `c|${d.state.stack[0]!.token}|skip` }]]);
  });

  it('round-trips callback data and refuses what is not ours or too long', () => {
    expect(decodeCallback(encodeCallback('k12', 'to-be|heard'))).toEqual({ token: 'k12', value: 'to-be|heard' });
    expect(decodeCallback('other-bot-data')).toBeUndefined();
    expect(() => encodeCallback('k1', 'x'.repeat(80))).toThrow(RangeError);
  });
});
