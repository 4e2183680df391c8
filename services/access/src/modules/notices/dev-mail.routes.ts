import type { Express } from 'express';
import { listMailFiles, readMailFile } from './mailer';

/**
 * Development only (never registered in production, R-NOTE-1): `GET /dev/mail` lists the mails
 * written to the mail folder when no SMTP_URL is set; `GET /dev/mail/<file>.eml` shows one.
 */
export function devMailRoutes(mailDir: string) {
  return (app: Express) => {
    app.get('/dev/mail', async (_req, res, next) => {
      try {
        const files = await listMailFiles(mailDir);
        const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
        res.type('html').send(`<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Utgående e-post (utveckling)</title></head><body>
<h1>Utgående e-post (utveckling)</h1><p>Brev skrivna till ${esc(mailDir)} eftersom SMTP_URL inte är satt.</p>
<ul>${files.map((f) => `<li><a href="/dev/mail/${encodeURIComponent(f)}">${esc(f)}</a></li>`).join('')}</ul>${files.length === 0 ? '<p>Inga brev ännu.</p>' : ''}</body></html>`);
      } catch (e) {
        next(e);
      }
    });
    app.get('/dev/mail/:file', async (req, res, next) => {
      try {
        const text = await readMailFile(mailDir, String(req.params.file));
        if (text === null) return void res.status(404).type('text').send('not found');
        res.type('text/plain; charset=utf-8').send(text);
      } catch (e) {
        next(e);
      }
    });
  };
}
