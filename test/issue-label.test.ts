import { expect } from '@open-wc/testing';
import {
  compareIssues,
  fileSize,
  parseLabel,
  volumeIssue,
  when,
  type Words,
} from '../src/newsletter-archive/issue-label.js';
import { NewsletterArchiveElement } from '../src/newsletter-archive/newsletter-archive.js';
import { fill } from '../src/shared/strings.js';

/** The widget's English words, as the widget passes them to the label code. */
const english: Words = {
  term: (key, values) => fill(NewsletterArchiveElement.defaultStrings[key as 'pdf'], values),
  locale: 'en-US',
};

describe('newsletter labels', () => {
  const cases: [string, ReturnType<typeof parseLabel>][] = [
    ['Winter 2012', { season: 'winter', year: 2012 }],
    ['Spring 2012', { season: 'spring', year: 2012 }],
    ['Winter 2009, Vol. 2 Issue 2', { season: 'winter', year: 2009, volume: 2, issue: 2 }],
    ['Winter 2008, Vol. 1, Issue 2', { season: 'winter', year: 2008, volume: 1, issue: 2 }],
    ['Spring 2008, Vol. 1, Issue 3', { season: 'spring', year: 2008, volume: 1, issue: 3 }],
    ['Spring 2009, Vol. 2, Issue 3', { season: 'spring', year: 2009, volume: 2, issue: 3 }],
    ['Spring 2011 Vol. 4, Issue 2', { season: 'spring', year: 2011, volume: 4, issue: 2 }],
    ['Summer 2014', { season: 'summer', year: 2014 }],
    ['Fall 2009, Vol. 3 Issue 1', { season: 'fall', year: 2009, volume: 3, issue: 1 }],
    ['Fall 2007, Vol. 1, Issue 1', { season: 'fall', year: 2007, volume: 1, issue: 1 }],
    ['Vol 4 No. 2', { volume: 4, issue: 2 }],
    ['Autumn 2010', { season: 'fall', year: 2010 }],
    ['autumn  2010 ,vol.5,no 1', { season: 'fall', year: 2010, volume: 5, issue: 1 }],
    ['March 2013', { month: 3, year: 2013 }],
    ['Sept. 2015, Volume 8 Number 1', { month: 9, year: 2015, volume: 8, issue: 1 }],
    ['Dec 2010', { month: 12, year: 2010 }],
    ["Fall '09", { season: 'fall', year: 2009 }],
    ['SPRING2011 VOL.4 ISSUE 2', { season: 'spring', year: 2011, volume: 4, issue: 2 }],
    ['Vol. 4, #2', { volume: 4, issue: 2 }],
    ['Volume 12 Iss. 3', { volume: 12, issue: 3 }],
    ['Newsletter of the Institute', {}],
    ['Marks of a good group', {}],
  ];
  for (const [label, expected] of cases) {
    it(`reads "${label}"`, () => {
      expect(parseLabel(label)).to.deep.equal(expected);
    });
  }

  it('orders a year Winter, Spring, Summer, Fall (newest first), months among them', () => {
    const labels = ['Spring 2010', 'Fall 2010', 'Winter 2010', 'Summer 2010', 'November 2010', 'February 2010'];
    const sorted = labels
      .map((l) => ({ l, ...parseLabel(l) }))
      .sort(compareIssues)
      .map((x) => x.l);
    expect(sorted).to.deep.equal([
      'November 2010',
      'Fall 2010',
      'Summer 2010',
      'Spring 2010',
      'February 2010',
      'Winter 2010',
    ]);
  });

  it('breaks ties by volume, then issue', () => {
    const labels = ['2010 Vol. 3, Issue 1', '2010 Vol. 3, Issue 2', '2010 Vol. 4, Issue 1'];
    const sorted = labels
      .map((l) => ({ l, ...parseLabel(l) }))
      .sort(compareIssues)
      .map((x) => x.l);
    expect(sorted).to.deep.equal(['2010 Vol. 4, Issue 1', '2010 Vol. 3, Issue 2', '2010 Vol. 3, Issue 1']);
  });

  it('writes labels back in one form', () => {
    expect(when(parseLabel('winter 2009, vol 2 issue 2'), english)).to.equal('Winter 2009');
    expect(when(parseLabel('Autumn 2010'), english)).to.equal('Fall 2010');
    expect(when(parseLabel('march 2013'), english)).to.equal('March 2013');
    expect(when(parseLabel('Vol 4 No. 2'), english)).to.equal('');
    expect(volumeIssue(parseLabel('Vol 4 No. 2'), english)).to.equal('Vol. 4, Issue 2');
    expect(volumeIssue(parseLabel('Vol 4'), english)).to.equal('Vol. 4');
    expect(volumeIssue(parseLabel('Summer 2014'), english)).to.equal('');
  });

  it('writes file sizes in KB and MB', () => {
    expect(fileSize(1258291, english)).to.equal('1.2 MB');
    expect(fileSize(2 * 1024 * 1024, english)).to.equal('2 MB');
    expect(fileSize(524288, english)).to.equal('512 KB');
    expect(fileSize(100, english)).to.equal('1 KB');
    expect(fileSize(undefined, english)).to.equal('');
    expect(fileSize(0, english)).to.equal('');
  });
});
