import { useState, type FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { EndEmploymentDocument, EndEmploymentPreviewDocument } from '../../api/documents';
import { apiFieldErrors } from '../../api/errors';
import type { EndEmploymentPreviewQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { roleLabel } from '../../lib/labels';
import { isValidIsoDate, stockholmDate } from '../../lib/dates';
import { mayChooseAllSchoolForms } from '../../lib/staff';
import { ErrorBox, Field, Notice } from '../../components/ui';
import { Modal } from '../../components/Modal';

export interface Employment { unit: { id: string; name: string }; schoolFormCode?: string | null; validTo?: string | null }

/** "Avsluta personal" (R-END-1…4): end date, unit or Alla, school form or Alla, preview, complete. */
export function EndEmploymentDialog({ organisationId, person, employments, actorSchoolForms, actorOrgWide, schoolFormNames, onClose, onDone }: {
  organisationId: string;
  person: { id: string; name: string };
  employments: Employment[];
  actorSchoolForms: (string | null)[];
  actorOrgWide: boolean;
  schoolFormNames: Record<string, string>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const client = useClient();
  const [endDate, setEndDate] = useState(stockholmDate());
  const [unitId, setUnitId] = useState<string>('');
  const units = [...new Map(employments.map((e) => [e.unit.id, e.unit])).values()];
  const formsHere = employments.filter((e) => !unitId || e.unit.id === unitId).map((e) => e.schoolFormCode ?? null);
  const concreteForms = [...new Set(formsHere.filter((f): f is string => !!f))];
  const allowAll = mayChooseAllSchoolForms(actorSchoolForms, formsHere, actorOrgWide);
  const [schoolForm, setSchoolForm] = useState<string>('');
  const effectiveForm = !allowAll && !schoolForm ? (concreteForms[0] ?? '') : schoolForm;
  const [preview, setPreview] = useState<EndEmploymentPreviewQuery['endEmploymentPreview'] | null>(null);
  const [previewError, setPreviewError] = useState<ReturnType<typeof apiFieldErrors> | null>(null);
  const [loading, setLoading] = useState(false);
  const [done, setDone] = useState(false);
  const [result, complete] = useMutation(EndEmploymentDocument);
  const input = { organisationId, personId: person.id, endDate, unitId: unitId || null, schoolFormCode: effectiveForm || null };
  const dateError = !isValidIsoDate(endDate) ? t('validation.date') : undefined;
  const errs = previewError ?? apiFieldErrors(result.error);

  async function showPreview(e: FormEvent) {
    e.preventDefault();
    if (dateError) return;
    setLoading(true);
    const r = await client.query(EndEmploymentPreviewDocument, { input }, { requestPolicy: 'network-only' }).toPromise();
    setLoading(false);
    if (r.error) { setPreviewError(apiFieldErrors(r.error)); return; }
    setPreviewError(null);
    setPreview(r.data?.endEmploymentPreview ?? null);
  }
  async function doComplete() {
    const r = await complete({ input });
    if (!r.error) { setDone(true); onDone(); }
  }
  const unitName = unitId ? units.find((u) => u.id === unitId)?.name ?? unitId : t('end.all');
  const formName = (code?: string | null) => (code ? schoolFormNames[code] ?? code : t('end.all'));
  return (
    <Modal title={`${t('end.title')}: ${person.name}`} onClose={onClose} wide>
      {done ? (
        <>
          <Notice>{t('end.done')}</Notice>
          <div className="actions"><button type="button" onClick={onClose}>{t('app.close')}</button></div>
        </>
      ) : !preview ? (
        <form onSubmit={showPreview} noValidate className="form-grid">
          <Field label={t('end.endDate')} help={t('help.endDate')} type="date" name="endDate" value={endDate} onChange={(e) => setEndDate(e.target.value)} error={dateError ?? errs.fields.endDate} required />
          <div className="field">
            <label htmlFor="end-unit">{t('end.unit')}</label>
            <select id="end-unit" value={unitId} onChange={(e) => { setUnitId(e.target.value); setSchoolForm(''); }}>
              <option value="">{t('end.all')}</option>
              {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
            {errs.fields.unitId && <p className="field-error" role="alert">{errs.fields.unitId}</p>}
          </div>
          <div className="field">
            <label htmlFor="end-form">{t('end.schoolForm')}</label>
            <select id="end-form" value={effectiveForm} onChange={(e) => setSchoolForm(e.target.value)}>
              {allowAll && <option value="">{t('end.all')}</option>}
              {concreteForms.map((f) => <option key={f} value={f}>{formName(f)}</option>)}
            </select>
            {errs.fields.schoolFormCode && <p className="field-error" role="alert">{errs.fields.schoolFormCode}</p>}
          </div>
          {errs.general.length > 0 && <div className="span-2"><ErrorBox>{errs.general.join(' ')}</ErrorBox></div>}
          <div className="actions span-2">
            <button type="submit" disabled={loading}>{t('end.preview')}</button>
            <button type="button" className="secondary" onClick={onClose}>{t('app.cancel')}</button>
          </div>
        </form>
      ) : (
        <>
          <h3>{t('end.previewTitle')}</h3>
          <p><strong>{t('end.previewHeader', { date: preview.endDate, unit: unitName })}</strong></p>
          {preview.assignments.length === 0 ? <p>{t('end.nothing')}</p> : (
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">{t('end.unit')}</th><th scope="col">{t('end.schoolForm')}</th><th scope="col">{t('staff.role')}</th><th scope="col">{t('staff.validTo')}</th></tr></thead>
                <tbody>
                  {preview.assignments.map((a, i) => (
                    <tr key={i}>
                      <td>{a.unit.name}</td>
                      <td>{formName(a.schoolFormCode)}</td>
                      <td>{roleLabel(lang, a.role)}</td>
                      <td>{a.previousValidTo ? `${a.previousValidTo} → ` : ''}{a.validTo ?? t('perm.noEnd')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {errs.general.length > 0 && <ErrorBox>{errs.general.join(' ')}</ErrorBox>}
          <div className="actions">
            <button type="button" onClick={doComplete} disabled={result.fetching || preview.assignments.length === 0}>{t('end.complete')}</button>
            <button type="button" className="secondary" onClick={() => setPreview(null)}>{t('app.back')}</button>
          </div>
        </>
      )}
    </Modal>
  );
}
