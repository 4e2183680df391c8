import { useEffect, useState } from 'react';
import { config } from '../config';
import { useT } from '../i18n';

interface SimOrder { personalNumber: string | null; userVisibleData: string | null; type: 'auth' | 'sign' }

/**
 * Development only: plays the phone for an open BankID order through the simulator's control
 * port (GET /simulator/orders/{orderRef}, POST …/complete | …/fail). Not rendered in production.
 */
export function SimulatorPanel({ orderRef, defaultPersonalNumber = '191212121212' }: { orderRef: string; defaultPersonalNumber?: string }) {
  const t = useT();
  const [pnr, setPnr] = useState(defaultPersonalNumber);
  const [view, setView] = useState<SimOrder | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `${config.simulatorUrl}/simulator/orders/${encodeURIComponent(orderRef)}`;
  useEffect(() => {
    if (!config.development) return;
    let live = true;
    fetch(base).then(async (res) => {
      if (!res.ok || !live) return;
      const body = (await res.json()) as SimOrder & { order?: SimOrder };
      const o = body.order ?? body;
      setView(o);
      if (o.personalNumber) setPnr(o.personalNumber);
    }).catch(() => { /* the panel still works without the view */ });
    return () => { live = false; };
  }, [base]);
  if (!config.development) return null;
  async function post(action: 'complete' | 'fail', body: unknown) {
    setError(null);
    try {
      const res = await fetch(`${base}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) setError(t('sim.error', { message: `${res.status} ${await res.text()}` }));
    } catch (e) {
      setError(t('sim.error', { message: e instanceof Error ? e.message : String(e) }));
    }
  }
  return (
    <section className="sim-panel" aria-labelledby="sim-title">
      <h2 id="sim-title">{t('sim.title')}</h2>
      <p className="muted small">{t('sim.help')}</p>
      {view?.userVisibleData && <pre aria-label={t('sign.signingText')}>{view.userVisibleData}</pre>}
      <div className="field">
        <label htmlFor="sim-pnr">{t('sim.personalNumber')}</label>
        <input id="sim-pnr" value={pnr} onChange={(e) => setPnr(e.target.value)} inputMode="numeric" autoComplete="off" />
      </div>
      <div className="actions">
        <button type="button" onClick={() => post('complete', { personalNumber: pnr.replace(/\D/g, '') })}>{t('sim.complete')}</button>
        <button type="button" className="secondary" onClick={() => post('fail', { hintCode: 'userCancel' })}>{t('sim.fail')}</button>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </section>
  );
}
