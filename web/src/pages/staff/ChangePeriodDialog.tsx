import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ChangeAuthorisationPeriodDocument } from '../../api/documents';
import { apiFieldErrors } from '../../api/errors';
import { useT } from '../../i18n';
import { latestEndDate, stockholmDate } from '../../lib/dates';
import { checkEndDate } from '../../lib/validation';
import { ErrorBox, Field } from '../../components/ui';
import { Modal } from '../../components/Modal';

/** R-PERIOD-4: one new end date for the ticked users; all or none, refusals name the people. */
export function ChangePeriodDialog({ organisationId, people, skipped = [], onClose, onDone }: {
  organisationId: string;
  people: { id: string; name: string }[];
  /** Ticked people left out because they have ended (they get a new period from their own row). */
  skipped?: { id: string; name: string }[];
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const today = stockholmDate();
  const [validTo, setValidTo] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [result, change] = useMutation(ChangeAuthorisationPeriodDocument);
  const api = apiFieldErrors(result.error);
  const local = validTo ? checkEndDate(validTo, null, today) : 'validation.required';
  const error = submitted && local ? t(local) : api.fields.validTo;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (local) return;
    const r = await change({ organisationId, personIds: people.map((p) => p.id), validTo });
    if (!r.error) onDone();
  }
  return (
    <Modal title={t('period.title')} onClose={onClose}>
      <p>{t('period.intro')}</p>
      <p><strong>{t('period.selected', { count: people.length })}</strong>: {people.map((p) => p.name).join(', ')}</p>
      {skipped.length > 0 && <p className="notice">{t('period.skippedEnded', { names: skipped.map((p) => p.name).join(', ') })}</p>}
      <form onSubmit={submit} noValidate>
        <Field label={t('period.validTo')} type="date" name="validTo" value={validTo} max={latestEndDate(today)}
          help={t('create.validToHelp', { date: latestEndDate(today) })} onChange={(e) => setValidTo(e.target.value)} error={error} required />
        {(api.general.length > 0 || api.fields.personIds) && <ErrorBox>{[...api.general, api.fields.personIds].filter(Boolean).join(' ')}</ErrorBox>}
        <div className="actions">
          <button type="submit" disabled={result.fetching || people.length === 0}>{t('period.submit')}</button>
          <button type="button" className="secondary" onClick={onClose}>{t('app.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}
