/** URL safety: only http:, https:, mailto: and tel: links reach a template. */
import { expect } from '@open-wc/testing';
import { safeUrl } from '../../src/shared/url.js';
import { SITE, posts, rss } from '../formats/helpers.js';

describe('safeUrl', () => {
  const base = `${SITE}/blog/feed/`;
  const blocked = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '  javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'file:///etc/passwd',
    'ftp://example.org/',
  ];
  for (const value of blocked) {
    it(`drops ${JSON.stringify(value)}`, () => {
      expect(safeUrl(value, base)).to.equal(undefined);
      expect(safeUrl(value, base, 'image')).to.equal(undefined);
    });
  }

  it('keeps entity- and percent-encoded forms only as harmless relative paths on the site', () => {
    for (const value of [
      '&#106;avascript:alert(1)',
      '&#x6A;avascript:alert(1)',
      '%6Aavascript:alert(1)',
      'javascript%3Aalert(1)',
    ]) {
      const url = safeUrl(value, base);
      expect(url, value).to.be.a('string');
      expect(new URL(url!).origin, value).to.equal(SITE);
    }
  });

  it('drops javascript: once a feed parser has decoded its entities', async () => {
    const [item] = await posts(rss('<item><title>x</title><link>&#106;ava&#x73;cript:alert(1)</link></item>'));
    expect(item.url).to.equal(undefined);
  });

  it('resolves relative URLs against the base and keeps web, mail and phone links', () => {
    expect(safeUrl('../2016/post/', base)).to.equal(`${SITE}/blog/2016/post/`);
    expect(safeUrl('/about/', base)).to.equal(`${SITE}/about/`);
    expect(safeUrl('//cdn.example.org/a.jpg', base, 'image')).to.equal('https://cdn.example.org/a.jpg');
    expect(safeUrl(' HTTPS://IIGP.example/x ', base)).to.equal(`${SITE}/x`);
    expect(safeUrl('mailto:info@iigp.example', base)).to.equal('mailto:info@iigp.example');
    expect(safeUrl('tel:+1-248-555-0100', base)).to.equal('tel:+1-248-555-0100');
  });

  it('allows only web URLs for images, and nothing but strings', () => {
    expect(safeUrl('mailto:info@iigp.example', base, 'image')).to.equal(undefined);
    expect(safeUrl('data:image/png;base64,iVBORw0KGgo=', base, 'image')).to.equal(undefined);
    expect(safeUrl(undefined, base)).to.equal(undefined);
    expect(safeUrl({ href: 'https://x.example/' }, base)).to.equal(undefined);
    expect(safeUrl('   ', base)).to.equal(undefined);
    expect(safeUrl('http://[bad', base)).to.equal(undefined);
  });
});
