// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFRawStream, decodePDFRawStream, PDFArray } from 'pdf-lib';
import { buildReceiptPdf, maskPersonalNumbers, receiptBlocks, winAnsi, wrap } from './receipt-pdf';

const receipt = {
  id: '3f1c2b9a-0000-4000-8000-000000000001',
  signedAt: '2026-11-20T09:15:00Z',
  signerName: 'Arvid Aronsson',
  digest: 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c',
  changeSetId: '7a7a7a7a-0000-4000-8000-000000000002',
  token: `eyJhbGciOiJFUzI1NiJ9.${'x'.repeat(600)}.sig`,
};
const signedText = 'Dorotea kommun: 1 ändring\nNy: Greta Webbtest (19900101-0017), Läsare, 2026-11-20 – 2027-06-30';
const ctx = { signedText, jwksUrl: 'http://localhost:4000/.well-known/jwks.json' };

/** The text drawn on every page, decoded from the PDF's content streams (hex strings of WinAnsi). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const out: string[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    for (const s of streams) {
      const raw = new TextDecoder('latin1').decode(decodePDFRawStream(s as PDFRawStream).decode());
      for (const m of raw.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) out.push(Buffer.from(m[1], 'hex').toString('latin1'));
    }
  }
  return out.join('\n');
}

describe('the receipt in words (R-SIGN-3)', () => {
  it('says what was signed, by whom, when and how to verify it — in Swedish', () => {
    const text = receiptBlocks('sv', receipt, ctx).map((b) => b.text).join('\n');
    expect(text).toContain('Kvittens på signering');
    expect(text).toContain('Arvid Aronsson');
    expect(text).toContain('20 nov. 2026 10:15');
    expect(text).toContain('• Ny: Greta Webbtest (19900101-XXXX), Läsare, 2026-11-20 – 2027-06-30');
    expect(text).toContain(receipt.digest);
    expect(text).toContain('http://localhost:4000/.well-known/jwks.json');
    expect(text).toContain('verifyReceipt(token)');
    expect(text).toContain(receipt.token);
  });

  it('and in English', () => {
    const text = receiptBlocks('en', receipt, ctx).map((b) => b.text).join('\n');
    expect(text).toContain('Signing receipt');
    expect(text).toContain('How to check this receipt');
    expect(text).toMatch(/20 Nov 2026,? 10:15/);
  });

  it('never carries a full personal number (R-USR-1)', () => {
    expect(maskPersonalNumbers('A (19900101-0017), B 199001010017, C 900101-0017')).toBe('A (19900101-XXXX), B 19900101-XXXX, C 900101-XXXX');
    const text = receiptBlocks('sv', receipt, ctx).map((b) => b.text).join('\n');
    expect(text).not.toMatch(/\b(19|20)\d{6}[-+]?\d{4}\b/);
  });

  it('is a real PDF with every line of it, Swedish letters included, over as many pages as needed', async () => {
    const bytes = await buildReceiptPdf('sv', receipt, ctx);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe('Kvittens på signering');
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    const text = await pdfText(bytes);
    expect(text).toContain('Kvittens på signering');
    expect(text).toContain('Arvid Aronsson');
    expect(text).toContain('Greta Webbtest (19900101-XXXX), Läsare');
    expect(text).toContain(receipt.digest);
    // The token is cut into lines that fit the page; together they are the whole token.
    expect(text.replace(/\n/g, '')).toContain(receipt.token);
  });

  it('draws only what the standard fonts can (no exception on arrows or other scripts)', async () => {
    expect(winAnsi('a → b ‘c’ 漢 åäö é ü –')).toBe("a -> b 'c' ? åäö é ü –");
    const bytes = await buildReceiptPdf('en', receipt, { ...ctx, signedText: 'Ny: 漢字 → Ödmark' });
    expect((await pdfText(bytes))).toContain('? -> Ödmark');
  });

  it('wraps words to the width and cuts a word longer than a line', () => {
    const w = (s: string) => s.length;
    expect(wrap('aa bb cc', w, 5)).toEqual(['aa bb', 'cc']);
    expect(wrap('abcdefghij', w, 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});
