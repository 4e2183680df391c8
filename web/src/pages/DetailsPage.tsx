import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useMyAccess } from '../api/access';
import { useNavAccess } from '../api/nav-access';
import { apiFieldErrors } from '../api/errors';
import { useI18n, useT } from '../i18n';
import { formatDate } from '../lib/format';
import { ErrorBox, Field, Loading, Notice } from '../components/ui';

export const OrganisationDetailsDocument = graphql(`
  query OrganisationDetails($id: ID!) {
    organisation(id: $id) {
      id orgNumber name kind postalAddress phone fax website
      units { id name closed service { code name } schoolForms { code name } addresses { id street postalCode city } }
    }
  }
`);

export const OrganisationContactsDocument = graphql(`
  query OrganisationContacts($id: ID!) {
    organisation(id: $id) {
      id
      contactPersons { id givenName surname email phone1 phone2 adminContact updatedAt updatedBy }
      paymentAccounts { id type number reviewStatus isDefault updatedAt updatedBy }
    }
  }
`);

const ChangeOrganisationDocument = graphql(`
  mutation ChangeOrganisation($id: ID!, $input: ChangeOrganisationInput!) {
    changeOrganisation(id: $id, input: $input) { id postalAddress phone fax website }
  }
`);

const CreateContactPersonDocument = graphql(`
  mutation CreateContactPerson($organisationId: ID!, $input: ContactPersonInput!) {
    createContactPerson(organisationId: $organisationId, input: $input) { id givenName surname email phone1 phone2 adminContact updatedAt updatedBy }
  }
`);

const CreatePaymentAccountDocument = graphql(`
  mutation CreatePaymentAccount($organisationId: ID!, $input: PaymentAccountInput!) {
    createPaymentAccount(organisationId: $organisationId, input: $input) { id type number reviewStatus isDefault updatedAt updatedBy }
  }
`);

export function DetailsPage() {
  const { t, lang } = useI18n();
  const { organisationId = '' } = useParams();
  const access = useMyAccess(organisationId);
  // The unit page answers who may do what there (R-SCOPE-3): for those who manage users.
  const nav = useNavAccess(organisationId);
  const [{ data, fetching, error }] = useQuery({ query: OrganisationDetailsDocument, variables: { id: organisationId } });
  const [contacts, refetchContacts] = useQuery({ query: OrganisationContactsDocument, variables: { id: organisationId } });
  // Each list is null (with its FORBIDDEN error) when the viewer may not read it; the other still shows.
  const contactPersons = contacts.data?.organisation?.contactPersons;
  const paymentAccounts = contacts.data?.organisation?.paymentAccounts;
  const [editing, setEditing] = useState(false);
  const org = data?.organisation;
  return (
    <>
      <h1>{t('details.title')}</h1>
      {fetching && !data && <Loading />}
      <ErrorBox error={error} />
      {org && (
        <section className="card" aria-labelledby="org-details">
          <h2 id="org-details">{org.name}</h2>
          {editing ? (
            <OrganisationForm org={org} onDone={() => setEditing(false)} />
          ) : (
            <>
              <dl className="details">
                <dt>{t('details.orgNumber')}</dt><dd>{org.orgNumber}</dd>
                <dt>{t('details.kind')}</dt><dd>{t(`org.kind.${org.kind}`)}</dd>
                <dt>{t('details.postalAddress')}</dt><dd>{org.postalAddress ?? t('app.none')}</dd>
                <dt>{t('details.phone')}</dt><dd>{org.phone ?? t('app.none')}</dd>
                <dt>{t('details.fax')}</dt><dd>{org.fax ?? t('app.none')}</dd>
                <dt>{t('details.website')}</dt><dd>{org.website ?? t('app.none')}</dd>
              </dl>
              {access.contactPerson && <button type="button" onClick={() => setEditing(true)}>{t('app.edit')}</button>}
            </>
          )}
        </section>
      )}
      {org && (
        <section className="card" aria-labelledby="org-units">
          <h2 id="org-units">{t('details.units')}</h2>
          <div className="table-wrap">
            <table className="stack">
              <thead><tr><th scope="col">{t('details.name')}</th><th scope="col">{t('details.service')}</th><th scope="col">{t('details.schoolForms')}</th><th scope="col">{t('perm.addresses')}</th></tr></thead>
              <tbody>
                {org.units.map((u) => (
                  <tr key={u.id}>
                    <td data-label={t('details.name')}>{nav.users ? <Link to={`/org/${organisationId}/units/${u.id}`}>{u.name}</Link> : u.name}{u.closed && <span className="badge"> {t('details.closed')}</span>}</td>
                    <td data-label={t('details.service')}>{u.service.name}</td>
                    <td data-label={t('details.schoolForms')}>{u.schoolForms.map((s) => s.name).join(', ') || t('app.none')}</td>
                    <td data-label={t('perm.addresses')}>{u.addresses.map((a) => `${a.street}, ${a.postalCode} ${a.city}`).join('; ') || t('app.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section className="card" aria-labelledby="org-contacts">
        <h2 id="org-contacts">{t('details.contactPersons')}</h2>
        <ErrorBox error={contacts.error} />
        {contactPersons && (contactPersons.length === 0 ? <p>{t('details.noContactPersons')}</p> : (
          <div className="table-wrap">
            <table className="stack">
              <thead><tr><th scope="col">{t('details.name')}</th><th scope="col">{t('details.email')}</th><th scope="col">{t('details.phone')}</th><th scope="col">{t('details.updated')}</th></tr></thead>
              <tbody>
                {contactPersons.map((c) => (
                  <tr key={c.id}>
                    <td data-label={t('details.name')}>{c.givenName} {c.surname}</td>
                    <td data-label={t('details.email')}>{c.email ?? t('app.none')}</td>
                    <td data-label={t('details.phone')}>{[c.phone1, c.phone2].filter(Boolean).join(', ') || t('app.none')}</td>
                    <td data-label={t('details.updated')}>{formatDate(lang, c.updatedAt.slice(0, 10))} · {c.updatedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
        {access.contactPerson && <ContactPersonForm organisationId={organisationId} onDone={() => refetchContacts({ requestPolicy: 'network-only' })} />}
      </section>
      <section className="card" aria-labelledby="org-accounts">
        <h2 id="org-accounts">{t('details.paymentAccounts')}</h2>
        {paymentAccounts && (paymentAccounts.length === 0 ? <p>{t('details.noPaymentAccounts')}</p> : (
          <div className="table-wrap">
            <table className="stack">
              <thead><tr><th scope="col">{t('details.accountType')}</th><th scope="col">{t('details.accountNumber')}</th><th scope="col">{t('details.reviewStatus')}</th><th scope="col">{t('details.default')}</th><th scope="col">{t('details.updated')}</th></tr></thead>
              <tbody>
                {paymentAccounts.map((a) => (
                  <tr key={a.id}>
                    <td data-label={t('details.accountType')}>{t(`details.account.${a.type}`)}</td>
                    <td data-label={t('details.accountNumber')}>{a.number}</td>
                    <td data-label={t('details.reviewStatus')}>{t(`details.review.${a.reviewStatus}`)}</td>
                    <td data-label={t('details.default')}>{a.isDefault ? t('app.yes') : t('app.no')}</td>
                    <td data-label={t('details.updated')}>{formatDate(lang, a.updatedAt.slice(0, 10))} · {a.updatedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
        {access.accountInfo && <PaymentAccountForm organisationId={organisationId} onDone={() => refetchContacts({ requestPolicy: 'network-only' })} />}
      </section>
    </>
  );
}

type Org = { id: string; postalAddress?: string | null; phone?: string | null; fax?: string | null; website?: string | null };

function OrganisationForm({ org, onDone }: { org: Org; onDone: () => void }) {
  const t = useT();
  const [form, setForm] = useState({ postalAddress: org.postalAddress ?? '', phone: org.phone ?? '', fax: org.fax ?? '', website: org.website ?? '' });
  const [result, change] = useMutation(ChangeOrganisationDocument);
  const { fields, general } = apiFieldErrors(result.error);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await change({ id: org.id, input: form });
    if (!r.error) onDone();
  }
  const bind = (k: keyof typeof form) => ({ value: form[k], error: fields[k], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value }) });
  return (
    <form onSubmit={submit} noValidate className="form-grid">
      <Field label={t('details.postalAddress')} {...bind('postalAddress')} />
      <Field label={t('details.phone')} type="tel" {...bind('phone')} />
      <Field label={t('details.fax')} type="tel" {...bind('fax')} />
      <Field label={t('details.website')} type="url" help={t('help.website')} {...bind('website')} />
      {general.length > 0 && <ErrorBox>{general.join(' ')}</ErrorBox>}
      <div className="actions">
        <button type="submit" disabled={result.fetching}>{t('app.save')}</button>
        <button type="button" className="secondary" onClick={onDone}>{t('app.cancel')}</button>
      </div>
    </form>
  );
}

function ContactPersonForm({ organisationId, onDone }: { organisationId: string; onDone: () => void }) {
  const t = useT();
  const empty = { givenName: '', surname: '', email: '', phone1: '' };
  const [form, setForm] = useState(empty);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const [result, create] = useMutation(CreateContactPersonDocument);
  const { fields, general } = apiFieldErrors(result.error);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await create({ organisationId, input: { ...form, email: form.email || null, phone1: form.phone1 || null } });
    if (!r.error) { setForm(empty); setOpen(false); setSaved(true); onDone(); }
  }
  const bind = (k: keyof typeof form) => ({ value: form[k], error: fields[k], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value }) });
  if (!open) return <>{saved && <Notice>{t('details.saved')}</Notice>}<button type="button" onClick={() => { setOpen(true); setSaved(false); }}>{t('details.addContact')}</button></>;
  return (
    <form onSubmit={submit} noValidate className="form-grid">
      <Field label={t('create.givenName')} required {...bind('givenName')} />
      <Field label={t('create.surname')} required {...bind('surname')} />
      <Field label={t('details.email')} type="email" help={t('help.contactEmail')} {...bind('email')} />
      <Field label={t('details.phone')} type="tel" {...bind('phone1')} />
      {general.length > 0 && <ErrorBox>{general.join(' ')}</ErrorBox>}
      <div className="actions">
        <button type="submit" disabled={result.fetching}>{t('app.save')}</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>{t('app.cancel')}</button>
      </div>
    </form>
  );
}

function PaymentAccountForm({ organisationId, onDone }: { organisationId: string; onDone: () => void }) {
  const t = useT();
  const [type, setType] = useState<'BANKGIRO' | 'PLUSGIRO'>('BANKGIRO');
  const [number, setNumber] = useState('');
  const [open, setOpen] = useState(false);
  const [result, create] = useMutation(CreatePaymentAccountDocument);
  const { fields, general } = apiFieldErrors(result.error);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await create({ organisationId, input: { type, number } });
    if (!r.error) { setNumber(''); setOpen(false); onDone(); }
  }
  if (!open) return <button type="button" onClick={() => setOpen(true)}>{t('details.addAccount')}</button>;
  return (
    <form onSubmit={submit} noValidate className="form-grid">
      <div className="field">
        <label htmlFor="account-type">{t('details.accountType')}</label>
        <select id="account-type" value={type} onChange={(e) => setType(e.target.value as 'BANKGIRO' | 'PLUSGIRO')}>
          <option value="BANKGIRO">{t('details.account.BANKGIRO')}</option>
          <option value="PLUSGIRO">{t('details.account.PLUSGIRO')}</option>
        </select>
        {fields.type && <p className="field-error" role="alert">{fields.type}</p>}
      </div>
      <Field label={t('details.accountNumber')} help={t('help.accountNumber')} value={number} onChange={(e) => setNumber(e.target.value)} error={fields.number} required />
      {general.length > 0 && <ErrorBox>{general.join(' ')}</ErrorBox>}
      <div className="actions">
        <button type="submit" disabled={result.fetching}>{t('app.save')}</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>{t('app.cancel')}</button>
      </div>
    </form>
  );
}
