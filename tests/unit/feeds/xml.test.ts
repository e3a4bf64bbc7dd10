import { describe, expect, test } from 'vitest';
import { el, escapeXml, textEl, xmlDocument } from '../../../src/lib/xml.ts';

describe('escapeXml', () => {
  test('escapes markup characters and drops those XML forbids', () => {
    expect(escapeXml(`Tom & "Jerry" <b>'s\u0007`)).toBe(
      'Tom &amp; &quot;Jerry&quot; &lt;b&gt;&apos;s',
    );
  });
});

describe('xmlDocument', () => {
  test('writes nested elements, escaped text and attributes, and leaves out absent parts', () => {
    const doc = el(
      'rss',
      { version: '2.0', missing: undefined },
      el('title', {}, 'Soins & droits'),
      textEl('none', undefined),
      false,
      el('enclosure', { url: '/a?b=1&c=2', length: 42 }),
    );

    const xml = xmlDocument(doc);

    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0">',
        '  <title>Soins &amp; droits</title>',
        '  <enclosure url="/a?b=1&amp;c=2" length="42"/>',
        '</rss>',
        '',
      ].join('\n'),
    );
  });
});
