import { useState, type FormEvent } from 'react';
import { useClient } from 'urql';
import { EndEmploymentDocument, ProposeStaffRemovalDocument } from '../../api/documents';
import { errorTexts } from '../../api/errors';
import { useI18n } from '../../i18n';
import { isValidIsoDate, stockholmDate } from '../../lib/dates';
import { ErrorBox, Field, Notice } from '../../components/ui';
import { Modal } from '../../components/Modal';

export interface BulkPerson { id: string; name: string }

/**
 * Bulk "Avsluta personal" (R-END-1, R-END-2: every unit, "Alla") and bulk removal. R-SIGN-8 decides
 * where each lands: ending employment only takes access away and applies at once; a removal is a
 * proposal in Användare att signera, like any change to the staff list. Each person is its own
 * request, so one refusal (named with its reason) does not stop the others.
 */
export function BulkActionDialog({ kind, organisationId, people, onClose, onDone }: {
  kind: 'end' | 'remove';
  organisationId: string;
  people: BulkPerson[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const client = useClient();
  const [endDate, setEndDate] = useState(stockholmDate());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ done: BulkPerson[]; failed: { person: BulkPerson; text: string }[] } | null>(null);
  const dateError = kind === 'end' && !isValidIsoDate(endDate) ? t('validation.date') : undefined;

  async function run(e: FormEvent) {
    e.preventDefault();
    if (dateError) return;
    setBusy(true);
    const done: BulkPerson[] = [];
    const failed: { person: BulkPerson; text: string }[] = [];
    for (const person of people) {
      const r = kind === 'end'
        ? await client.mutation(EndEmploymentDocument, { input: { organisationId, personId: person.id, endDate, unitId: null, schoolFormCode: null } }).toPromise()
        : await client.mutation(ProposeStaffRemovalDocument, { organisationId, personId: person.id }).toPromise();
      if (r.error) failed.push({ person, text: errorTexts(r.error, lang).join(' ') });
      else done.push(person);
    }
    setBusy(false);
    setOutcome({ done, failed });
    if (done.length > 0) onDone();
  }

  const title = kind === 'end' ? t('bulk.endTitle') : t('bulk.removeTitle');
  return (
    <Modal title={title} onClose={onClose}>
      <p>{kind === 'end' ? t('bulk.endIntro') : t('bulk.removeIntro')}</p>
      <p><strong>{t('period.selected', { count: people.length })}</strong>: {people.map((p) => p.name).join(', ')}</p>
      {outcome ? (
        <>
          {outcome.done.length > 0 && (
            <Notice>{kind === 'end' ? t('bulk.endDone', { names: outcome.done.map((p) => p.name).join(', ') }) : t('bulk.removeDone', { names: outcome.done.map((p) => p.name).join(', ') })}</Notice>
          )}
          {outcome.failed.length > 0 && (
            <ErrorBox>
              <ul className="plain">{outcome.failed.map((f) => <li key={f.person.id}>{f.person.name}: {f.text}</li>)}</ul>
            </ErrorBox>
          )}
          <div className="actions"><button type="button" onClick={onClose}>{t('app.close')}</button></div>
        </>
      ) : (
        <form onSubmit={run} noValidate>
          {kind === 'end' && (
            <Field label={t('end.endDate')} type="date" name="endDate" value={endDate} help={t('help.endDate')}
              onChange={(e) => setEndDate(e.target.value)} error={dateError} required />
          )}
          <div className="actions">
            <button type="submit" className={kind === 'end' ? 'danger' : undefined} disabled={busy || people.length === 0}>
              {kind === 'end' ? t('bulk.endSubmit', { count: people.length }) : t('bulk.removeSubmit', { count: people.length })}
            </button>
            <button type="button" className="secondary" onClick={onClose}>{t('app.cancel')}</button>
          </div>
        </form>
      )}
    </Modal>
  );
}
