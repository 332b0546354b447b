/** HTML reduced to text, as WordPress titles and excerpts and Atom html text constructs are. */
import { expect } from '@open-wc/testing';
import { htmlToText } from '../../src/shared/text.js';
import { posts, rss } from '../formats/helpers.js';

describe('htmlToText', () => {
  it('drops script, style and other never-shown content', () => {
    expect(
      htmlToText('<style>p{color:red}</style>Safe<script>alert(1)</script> text<template><b>t</b></template>'),
    ).to.equal('Safe text');
    expect(htmlToText('a<iframe src="https://x.example/">inner</iframe>b<noscript>n</noscript>')).to.equal('ab');
  });

  it('decodes entities exactly once', () => {
    expect(htmlToText('&#8216;DAMAGE&#8217; &amp; more')).to.equal('\u2018DAMAGE\u2019 & more');
    expect(htmlToText('Tom &amp;amp; Jerry &amp;lt;b&amp;gt;')).to.equal('Tom &amp; Jerry &lt;b&gt;');
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;')).to.equal('<script>alert(1)</script>');
  });

  it('separates block elements and collapses whitespace', () => {
    expect(htmlToText('<p>One</p><p>Two</p><ul><li>a</li><li>b</li></ul><h2>H</h2>line<br>break')).to.equal(
      'One Two a b H line break',
    );
    expect(htmlToText('  many\n\n   spaces\t here ')).to.equal('many spaces here');
    expect(htmlToText('in<b>line</b> <i>words</i>')).to.equal('inline words');
  });

  it('reads C1 control characters as the windows-1252 characters they stand for', async () => {
    expect(htmlToText('don\u0092t &#147;quote&#148;')).to.equal('don\u2019t \u201cquote\u201d');
    const [item] = await posts(rss('<item><title>don&#146;t \u0080 5</title></item>'));
    expect(item.title).to.equal('don\u2019t \u20ac 5');
  });

  it('returns empty text for nothing', () => {
    expect(htmlToText('')).to.equal('');
    expect(htmlToText(null)).to.equal('');
    expect(htmlToText(undefined)).to.equal('');
  });
});
