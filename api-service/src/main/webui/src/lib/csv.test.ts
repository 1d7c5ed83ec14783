import { describe, expect, it } from 'vitest';
import { slug, toCsv } from './csv';

describe('CSV of a result', () => {
  it('quotes what needs quoting and leaves nulls empty', () => {
    expect(toCsv(['name', 'note', 'n'], [['Acme, Inc.', 'said "hi"', 3], ['B', null, 1.5]]))
      .toBe('name,note,n\r\n"Acme, Inc.","said ""hi""",3\r\nB,,1.5\r\n');
  });

  it('names the file after the question', () => {
    expect(slug('What was gross revenue by month in 2024?')).toBe('what-was-gross-revenue-by-month-in-2024');
  });
});
