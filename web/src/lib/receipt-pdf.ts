import type { Lang } from '../i18n';
import { dictionaries, format, type MessageKey } from '../i18n';
import { formatDateTime } from './format';

/**
 * The receipt in words (R-SIGN-3): a PDF a person can file or print, saying what was signed, by
 * whom, when, and how anyone can check it — beside the machine-readable receipt (a JWS signed with
 * the service's key). pdf-lib is loaded only when someone asks for the PDF.
 */
export interface ReceiptForPdf {
  id: string;
  signedAt: string;
  signerName: string;
  digest: string;
  changeSetId: string;
  token: string;
}

export interface ReceiptPdfContext {
  /** The text the signer saw in BankID: one change per line (R-SIGN-6). */
  signedText?: string | null;
  organisationName?: string | null;
  /** Where the public keys are published (the JWKS). */
  jwksUrl: string;
}

/** Personal numbers never appear in a receipt (R-USR-1): only the birth date part is kept. */
export function maskPersonalNumbers(text: string): string {
  return text.replace(/\b(\d{6}|\d{8})[-+]?\d{4}\b/g, (_m, date: string) => `${date}-XXXX`);
}

export interface PdfBlock { kind: 'title' | 'heading' | 'text' | 'mono'; text: string }

/** The receipt's content, in the chosen language, as blocks the PDF lays out (pure, so tests read it). */
export function receiptBlocks(lang: Lang, receipt: ReceiptForPdf, ctx: ReceiptPdfContext): PdfBlock[] {
  const d = dictionaries[lang];
  const t = (key: MessageKey, params?: Record<string, string>) => format(d[key], params);
  const lines = maskPersonalNumbers(ctx.signedText ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  return [
    { kind: 'title', text: t('receipt.pdf.title') },
    ...(ctx.organisationName ? [{ kind: 'text' as const, text: ctx.organisationName }] : []),
    { kind: 'text', text: t('receipt.pdf.intro') },
    { kind: 'heading', text: t('receipt.pdf.who') },
    { kind: 'text', text: receipt.signerName },
    { kind: 'heading', text: t('receipt.pdf.when') },
    { kind: 'text', text: formatDateTime(lang, receipt.signedAt) },
    { kind: 'heading', text: t('receipt.pdf.what') },
    ...(lines.length ? lines.map((text) => ({ kind: 'text' as const, text: `• ${text}` })) : [{ kind: 'text' as const, text: t('receipt.pdf.whatUnknown') }]),
    { kind: 'heading', text: t('receipt.pdf.ids') },
    { kind: 'text', text: t('receipt.pdf.receiptId', { id: receipt.id }) },
    { kind: 'text', text: t('receipt.pdf.changeSetId', { id: receipt.changeSetId }) },
    { kind: 'text', text: t('receipt.pdf.digest') },
    { kind: 'mono', text: receipt.digest },
    { kind: 'heading', text: t('receipt.pdf.verify') },
    { kind: 'text', text: t('receipt.pdf.verify1') },
    { kind: 'text', text: t('receipt.pdf.verify2', { jwks: ctx.jwksUrl }) },
    { kind: 'text', text: t('receipt.pdf.verify3') },
    { kind: 'heading', text: t('receipt.pdf.token') },
    { kind: 'mono', text: receipt.token },
  ];
}

/** The standard PDF fonts speak WinAnsi: keep what they can draw (Swedish letters included). */
export function winAnsi(text: string): string {
  return text
    .replace(/[\u2192\u21d2]/g, '->')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\x20-\x7e\xa0-\xff\u2013\u2014\u2022\u20ac\u2026]/g, '?');
}

/** Builds the PDF (A4, Helvetica/Courier, as many pages as it needs). */
export async function buildReceiptPdf(lang: Lang, receipt: ReceiptForPdf, ctx: ReceiptPdfContext): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(dictionaries[lang]['receipt.pdf.title']);
  doc.setLanguage(lang === 'sv' ? 'sv-SE' : 'en-GB');
  doc.setSubject(receipt.id);
  doc.setCreator('Behörig');
  const fonts = {
    text: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  const [width, height] = [595.28, 841.89];
  const margin = 56;
  let page = doc.addPage([width, height]);
  let y = height - margin;
  const style = {
    title: { font: fonts.bold, size: 18, gap: 14 },
    heading: { font: fonts.bold, size: 12, gap: 4 },
    text: { font: fonts.text, size: 10.5, gap: 3 },
    mono: { font: fonts.mono, size: 8, gap: 3 },
  } as const;
  for (const block of receiptBlocks(lang, receipt, ctx)) {
    const s = style[block.kind];
    if (block.kind === 'heading') y -= 10;
    for (const line of wrap(winAnsi(block.text), (w) => s.font.widthOfTextAtSize(w, s.size), width - 2 * margin)) {
      if (y - s.size < margin) { page = doc.addPage([width, height]); y = height - margin; }
      y -= s.size;
      page.drawText(line, { x: margin, y, size: s.size, font: s.font, color: rgb(0.1, 0.1, 0.1) });
      y -= s.gap;
    }
    if (block.kind === 'title') y -= s.gap;
  }
  return doc.save();
}

/** Splits text into lines that fit `max` points; words longer than a line (tokens) are cut. */
export function wrap(text: string, width: (s: string) => number, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (width(candidate) <= max) { line = candidate; continue; }
    if (line) out.push(line);
    let rest = word;
    while (width(rest) > max) {
      let n = rest.length;
      while (n > 1 && width(rest.slice(0, n)) > max) n--;
      out.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  }
  if (line) out.push(line);
  return out;
}
