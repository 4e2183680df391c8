import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ProposeStaffChangeDocument, ProposeStaffDocument, RoleCatalogueDocument } from '../../api/documents';
import { apiFieldErrors } from '../../api/errors';
import { useI18n } from '../../i18n';
import { latestEndDate, stockholmDate } from '../../lib/dates';
import { roleLabel, systemLabel } from '../../lib/labels';
import { checkPersonalNumber } from '../../lib/personalNumber';
import { validateStaffForm, type FieldErrors, type StaffForm } from '../../lib/validation';
import { ErrorBox, Field } from '../../components/ui';
import { Modal } from '../../components/Modal';

export interface UnitOption { id: string; name: string; closed: boolean; addresses?: { id: string; street: string; city: string }[] }

/** "Skapa användare" (R-USR-1): validated inline; lands in Användare att signera (R-SIGN-1). */
export function CreateStaffDialog({ organisationId, personId, units, initial, onClose, onCreated }: {
  organisationId: string;
  /** Editing an existing person: proposeStaffChange (personal number and names are not asked). */
  personId?: string | null;
  units: UnitOption[];
  initial?: Partial<StaffForm>;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t, lang } = useI18n();
  const today = stockholmDate();
  const [form, setForm] = useState<StaffForm>({
    personalNumber: '', givenName: '', surname: '', email: '', roleCodes: [], unitIds: [], validFrom: today, validTo: '', ...initial,
  });
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [{ data: roleData }] = useQuery({ query: RoleCatalogueDocument });
  const [createResult, propose] = useMutation(ProposeStaffDocument);
  const [changeResult, proposeChange] = useMutation(ProposeStaffChangeDocument);
  const result = personId ? changeResult : createResult;
  // R-ROLE-3: an administrator may give any combination of the catalogue's roles, so every role is
  // offered, grouped by system, whatever roles the administrator holds themselves.
  const roles = roleData?.roles ?? [];
  const adminRoleCodes = roles.filter((r) => r.isPermissionAdmin).map((r) => r.code);
  const all: FieldErrors = validateStaffForm(personId ? { ...form, personalNumber: '191212121212', givenName: '-', surname: '-' } : form, { today, adminRoleCodes, unitsRequired: units.length > 0 });
  const errors = all;
  const api = apiFieldErrors(result.error);
  const show = (k: keyof StaffForm) => (submitted || touched[k] ? errors[k] : undefined);
  const message = (k: keyof StaffForm): string | undefined => {
    const key = show(k);
    if (key) return t(key);
    return api.fields[k];
  };
  const pnr = checkPersonalNumber(form.personalNumber, today);
  const set = <K extends keyof StaffForm>(k: K, v: StaffForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const blur = (k: string) => () => setTouched((x) => ({ ...x, [k]: true }));
  const toggle = (k: 'roleCodes' | 'unitIds', v: string) => {
    set(k, form[k].includes(v) ? form[k].filter((x) => x !== v) : [...form[k], v]);
    setTouched((x) => ({ ...x, [k]: true }));
  };
  const offices = form.addressIds ?? [];
  const toggleOffice = (id: string) => set('addressIds', offices.includes(id) ? offices.filter((x) => x !== id) : [...offices, id]);
  // R-USR-2 level two: only offices of ticked units are sent; none at all = every office of every unit.
  const chosenOffices = () => {
    const ids = offices.filter((a) => units.some((u) => form.unitIds.includes(u.id) && (u.addresses ?? []).some((x) => x.id === a)));
    return ids.length > 0 ? ids : null;
  };

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSubmitted(true);
    const formEl = e.currentTarget;
    if (Object.keys(errors).length > 0) {
      setTimeout(() => formEl.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    const r = personId
      ? await proposeChange({
        organisationId,
        personId,
        input: { email: form.email.trim() || null, roleCodes: form.roleCodes, unitIds: form.unitIds, addressIds: chosenOffices(), validFrom: form.validFrom, validTo: form.validTo || null },
      })
      : await propose({
      organisationId,
      input: {
        personalNumber: pnr.ok ? pnr.canonical : form.personalNumber,
        givenName: form.givenName.trim(),
        surname: form.surname.trim(),
        email: form.email.trim() || null,
        roleCodes: form.roleCodes,
        unitIds: form.unitIds,
        addressIds: chosenOffices(),
        validFrom: form.validFrom,
        validTo: form.validTo || null,
      },
    });
    if (!r.error) onCreated();
  }

  const bySystem = [...new Set(roles.map((r) => r.system))];
  return (
    <Modal title={personId ? t('create.editTitle', { name: `${form.givenName} ${form.surname}` }) : t('create.title')} onClose={onClose} wide>
      <form onSubmit={submit} noValidate className="form-grid" aria-label={t('create.title')}>
        {!personId && <>
        <Field label={t('create.personalNumber')} help={t('create.personalNumberHelp')} name="personalNumber" inputMode="numeric" autoComplete="off"
          value={form.personalNumber} onChange={(e) => set('personalNumber', e.target.value)} onBlur={blur('personalNumber')} error={message('personalNumber')} required />
        <Field label={t('create.givenName')} name="givenName" autoComplete="given-name" value={form.givenName}
          onChange={(e) => set('givenName', e.target.value)} onBlur={blur('givenName')} error={message('givenName')} required />
        <Field label={t('create.surname')} name="surname" autoComplete="family-name" value={form.surname}
          onChange={(e) => set('surname', e.target.value)} onBlur={blur('surname')} error={message('surname')} required />
        </>}
        <Field label={t('create.email')} help={t('help.staffEmail')} name="email" type="email" autoComplete="email" value={form.email}
          onChange={(e) => set('email', e.target.value)} onBlur={blur('email')} error={message('email')} />
        <fieldset className="span-2" aria-describedby={message('roleCodes') ? 'roles-error' : undefined}>
          <legend>{t('create.roles')}</legend>
          <p className="help">{t('help.roles')}</p>
          {bySystem.map((s) => (
            <fieldset key={s} className="checks role-group">
              <legend className="small muted">{systemLabel(lang, s)}</legend>
              {roles.filter((r) => r.system === s).map((r) => (
                <label key={r.code} className="check">
                  <input type="checkbox" name="roleCodes" value={r.code} checked={form.roleCodes.includes(r.code)} onChange={() => toggle('roleCodes', r.code)} />
                  {roleLabel(lang, r)}
                </label>
              ))}
            </fieldset>
          ))}
          {message('roleCodes') && <p id="roles-error" className="field-error" role="alert">{message('roleCodes')}</p>}
        </fieldset>
        {units.length > 0 && (
          <fieldset className="span-2" aria-describedby={message('unitIds') ? 'units-error' : undefined}>
            <legend>{t('create.units')}</legend>
            <p className="help">{t('help.units')}</p>
            <div className="checks">
              {units.filter((u) => !u.closed).map((u) => (
                <label key={u.id} className="check">
                  <input type="checkbox" name="unitIds" value={u.id} checked={form.unitIds.includes(u.id)} onChange={() => toggle('unitIds', u.id)} />
                  {u.name}
                </label>
              ))}
            </div>
            {message('unitIds') && <p id="units-error" className="field-error" role="alert">{message('unitIds')}</p>}
            {units.filter((u) => form.unitIds.includes(u.id) && (u.addresses?.length ?? 0) > 1).map((u) => (
              <fieldset key={u.id} className="checks role-group" aria-describedby={`offices-help-${u.id}`}>
                <legend className="small muted">{t('create.offices', { unit: u.name })}</legend>
                {u.addresses!.map((a) => (
                  <label key={a.id} className="check">
                    <input type="checkbox" name="addressIds" value={a.id} checked={offices.includes(a.id)} onChange={() => toggleOffice(a.id)} />
                    {a.street}, {a.city}
                  </label>
                ))}
                <p id={`offices-help-${u.id}`} className="small muted">{t('create.officesHelp')}</p>
              </fieldset>
            ))}
            {message('addressIds') && <p className="field-error" role="alert">{message('addressIds')}</p>}
          </fieldset>
        )}
        <Field label={t('create.validFrom')} help={t('help.validFrom')} name="validFrom" type="date" value={form.validFrom}
          onChange={(e) => set('validFrom', e.target.value)} onBlur={blur('validFrom')} error={message('validFrom')} required />
        <Field label={t('create.validTo')} name="validTo" type="date" value={form.validTo} max={latestEndDate(today)}
          help={t('create.validToHelp', { date: latestEndDate(today) })}
          onChange={(e) => set('validTo', e.target.value)} onBlur={blur('validTo')} error={message('validTo')} />
        {api.general.length > 0 && <div className="span-2"><ErrorBox>{api.general.join(' ')}</ErrorBox></div>}
        <p className="help span-2">{t('help.toSign')}</p>
        <div className="actions span-2">
          <button type="submit" disabled={result.fetching}>{t('create.submit')}</button>
          <button type="button" className="secondary" onClick={onClose}>{t('app.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}
