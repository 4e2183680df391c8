import { useState } from 'react';
import { config } from '../config';
import { useT } from '../i18n';

/**
 * Development only: plays the phone for an open BankID order through the simulator's control
 * port (POST /simulator/orders/{orderRef}/complete | fail). Never rendered in a production build.
 */
export function SimulatorPanel({ orderRef, defaultPersonalNumber = '196403261230' }: { orderRef: string; defaultPersonalNumber?: string }) {
  const t = useT();
  const [pnr, setPnr] = useState(defaultPersonalNumber);
  const [error, setError] = useState<string | null>(null);
  if (!config.development) return null;
  async function post(action: 'complete' | 'fail', body: unknown) {
    setError(null);
    try {
      const res = await fetch(`${config.simulatorUrl}/simulator/orders/${encodeURIComponent(orderRef)}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) setError(t('sim.error', { message: `${res.status} ${await res.text()}` }));
    } catch (e) {
      setError(t('sim.error', { message: e instanceof Error ? e.message : String(e) }));
    }
  }
  return (
    <section className="sim-panel" aria-labelledby="sim-title">
      <h2 id="sim-title">{t('sim.title')}</h2>
      <p className="muted">{t('sim.help')}</p>
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
