import { describe, expect, it } from 'vitest';
import { csvCell, staffCsv } from './csv';

describe('staff list CSV', () => {
  it('R-USR-1: carries birth dates in the rows given, and quotes what needs quoting', () => {
    const text = staffCsv(['Efternamn', 'Förnamn', 'Födelsedatum', 'E-post', 'Roller', 'Enheter', 'Från', 'Till', 'Status'], [
      { surname: 'Sandin', givenName: 'Andrea', birthDate: '1978-10-17', email: 'a@b.se', roles: 'Läsare, Tjänsteadministratör', units: 'Dorotea UBK', validFrom: '2026-01-01', validTo: '', status: 'Aktiv' },
    ]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('Sandin,Andrea,1978-10-17,a@b.se,"Läsare, Tjänsteadministratör",Dorotea UBK,2026-01-01,,Aktiv');
    expect(text).not.toMatch(/\d{8}-?\d{4}/); // no personal number shape anywhere
  });
  it('neutralises cells a spreadsheet would run as formulas, and doubles quotes', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+46')).toBe("'+46");
    expect(csvCell('@a')).toBe("'@a");
    expect(csvCell('Anna "Nisse"')).toBe('"Anna ""Nisse"""');
    expect(csvCell('rad\nbrytning')).toBe('"rad\nbrytning"');
  });
});
