import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'react-router';
import { ChangesToSignDocument, DiscardPendingChangeDocument } from '../../api/documents';
import { useI18n } from '../../i18n';
import { roleLabel } from '../../lib/labels';
import { formatDate } from '../../lib/format';
import { ErrorBox } from '../../components/ui';
import { ReceiptView, SignChanges } from './SignChanges';
import type { Receipt } from '../../api/signing';
import type { StaffForm } from '../../lib/validation';

/** "Användare att signera" (R-SIGN-1): pending changes with edit / discard, then Signera. */
export function ChangesToSign({ organisationId, unitNames, canManage, onEdit, onApplied }: {
  organisationId: string;
  unitNames: Record<string, string>;
  canManage: boolean;
  onEdit: (personId: string | null, initial: Partial<StaffForm>) => void;
  onApplied: () => void;
}) {
  const { t, lang } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: ChangesToSignDocument, variables: { id: organisationId }, requestPolicy: 'cache-and-network' });
  const [discardResult, discard] = useMutation(DiscardPendingChangeDocument);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [signedText, setSignedText] = useState<string | null>(null);
  const set = data?.organisation?.changesToSign;
  const changes = set?.changes ?? [];
  // a new proposal starts a new set: the previous receipt is history (it stays in the log)
  useEffect(() => { if (changes.length > 0) setReceipt(null); }, [changes.length]);
  return (
    <section className="card" aria-labelledby="to-sign">
      <h2 id="to-sign">{t('sign.title')}</h2>
      <ErrorBox error={error ?? discardResult.error} />
      {changes.length === 0 ? (!receipt && <p>{t('sign.empty')}</p>) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('sign.kind')}</th>
                <th scope="col">{t('staff.name')}</th>
                <th scope="col">{t('staff.birthDate')}</th>
                <th scope="col">{t('staff.role')}</th>
                <th scope="col">{t('create.units')}</th>
                <th scope="col">{t('staff.validFrom')}</th>
                <th scope="col">{t('staff.validTo')}</th>
                {canManage && <th scope="col"><span className="visually-hidden">{t('app.edit')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => {
                const name = `${c.person.givenName} ${c.person.surname}`;
                return (
                  <tr key={c.id}>
                    <td><span className={`badge kind-${c.kind}`}>{t(`sign.kind.${c.kind}`)}</span></td>
                    <td>{c.person.personId ? <Link to={`/org/${organisationId}/people/${c.person.personId}`}>{name}</Link> : name}</td>
                    <td>{formatDate(lang, c.person.birthDate)}</td>
                    <td>{c.roles.map((r) => roleLabel(lang, r)).join(', ')}</td>
                    <td>{c.unitIds.map((id) => unitNames[id] ?? id).join(', ') || t('app.none')}</td>
                    <td>{formatDate(lang, c.validFrom)}</td>
                    <td>{c.validTo ? formatDate(lang, c.validTo) : t('perm.noEnd')}</td>
                    {canManage && (
                      <td><div className="row-actions">
                        {c.kind !== 'REMOVED' && set?.status === 'DRAFT' && (
                          <button type="button" className="secondary small" aria-label={`${t('app.edit')} ${name}`}
                            onClick={() => onEdit(c.kind === 'CHANGED' ? c.person.personId ?? null : null, {
                              givenName: c.person.givenName, surname: c.person.surname, email: c.person.email ?? '',
                              roleCodes: c.roles.map((r) => r.code), unitIds: c.unitIds, validFrom: c.validFrom, validTo: c.validTo ?? '',
                            })}>{t('app.edit')}</button>
                        )}
                        {set?.status === 'DRAFT' && (
                          <button type="button" className="danger small" aria-label={`${t('sign.discard')} ${name}`}
                            onClick={() => discard({ id: c.id }).then(() => refetch({ requestPolicy: 'network-only' }))}>{t('sign.discard')}</button>
                        )}
                      </div></td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {/* R-ROLE-3: "Signera" only for those whose signature the apply will accept (the server says). */}
      {set && changes.length > 0 && canManage && set.canSign && (
        <SignChanges organisationId={organisationId} signingText={set.signingText}
          onApplied={(r, refused) => { if (!refused) { setSignedText(set.signingText); setReceipt(r); onApplied(); } refetch({ requestPolicy: 'network-only' }); }} />
      )}
      {receipt && <ReceiptView receipt={receipt} signedText={signedText} onClose={() => setReceipt(null)} />}
    </section>
  );
}
