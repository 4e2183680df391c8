import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReceiptView } from './SignChanges';
import { mockClient, Wrap } from '../../test-utils';

const receipt = { id: 'r1', signedAt: '2026-11-20T09:15:00Z', signerName: 'Arvid Aronsson', digest: 'ab'.repeat(32), changeSetId: 'cs1', token: 'h.p.s' };

afterEach(() => vi.restoreAllMocks());

describe('the receipt after signing (R-SIGN-3)', () => {
  it('shows in words what was signed, by whom and when, without a full personal number', () => {
    render(<Wrap client={mockClient(() => null)}><ReceiptView receipt={receipt} signedText={'Dorotea kommun\nNy: Greta Webbtest (19900101-0017), Läsare'} onClose={() => {}} /></Wrap>);
    expect(screen.getByText('Arvid Aronsson')).toBeTruthy();
    expect(screen.getByText('20 nov. 2026 10:15')).toBeTruthy();
    expect(screen.getByText('Ny: Greta Webbtest (19900101-XXXX), Läsare')).toBeTruthy();
    expect(document.body.textContent).not.toContain('19900101-0017');
    const json = screen.getByRole('link', { name: 'Ladda ner maskinläsbar kvittens (JSON)' });
    expect(json.getAttribute('download')).toBe('kvittens-r1.json');
  });

  it('downloads a PDF receipt beside the machine-readable one', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => { blobs.push(b); return 'blob:pdf'; }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<Wrap client={mockClient(() => null)} lang="en"><ReceiptView receipt={receipt} signedText="New: Greta Webbtest" onClose={() => {}} /></Wrap>);
    fireEvent.click(screen.getByRole('button', { name: 'Download the receipt as PDF' }));
    // Loading pdf-lib and laying out the PDF takes seconds on a loaded machine.
    await waitFor(() => expect(click).toHaveBeenCalled(), { timeout: 20_000 });
    expect(blobs[0].type).toBe('application/pdf');
    // jsdom's Blob has no arrayBuffer(): read it the old way.
    const text = await new Promise<string>((resolve) => { const r = new FileReader(); r.onload = () => resolve(String(r.result)); r.readAsText(blobs[0]); });
    expect(text.slice(0, 5)).toBe('%PDF-');
    expect(blobs[0].size).toBeGreaterThan(1000);
  });
});
