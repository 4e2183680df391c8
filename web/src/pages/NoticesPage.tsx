import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { NoticesDocument } from '../api/keeping-access-current';
import { useI18n } from '../i18n';
import { formatDate } from '../lib/format';
import { ErrorBox, Loading } from '../components/ui';

/** R-NOTE-1 "Att göra": what needs the administrators of this organisation. */
export function NoticesPage() {
  const { t, lang } = useI18n();
  const { organisationId = '' } = useParams();
  const [days, setDays] = useState(30);
  const [{ data, fetching, error }] = useQuery({ query: NoticesDocument, variables: { organisationId, days }, requestPolicy: 'cache-and-network' });
  const notices = data?.organisation?.notices ?? [];
  return (
    <section aria-labelledby="notices-title">
      <h1 id="notices-title">{t('notices.title')}</h1>
      <p>{t('notices.intro')}</p>
      <label className="inline-field">
        <span>{t('notices.window')}</span>
        <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {[7, 30, 90].map((d) => <option key={d} value={d}>{t('notices.days', { n: d })}</option>)}
        </select>
      </label>
      <ErrorBox error={error} />
      {fetching && !data ? <Loading /> : notices.length === 0 ? <p>{t('notices.none')}</p> : (
        <ul className="notice-list" aria-label={t('notices.title')}>
          {notices.map((n, i) => (
            <li key={`${n.kind}-${n.person?.id ?? ''}-${n.validTo ?? ''}-${i}`} className="card notice">
              <span className={`badge notice-${n.kind}`}>{t(`notices.kind.${n.kind}`)}</span>{' '}
              {n.kind === 'ENDING_SOON' && n.person
                ? t('notices.endingSoon', { name: `${n.person.givenName} ${n.person.surname}`, date: formatDate(lang, n.validTo) })
                : n.kind === 'ACTIVATION_OVERDUE' ? t('notices.activationOverdue', { date: formatDate(lang, n.validTo) })
                  : n.kind === 'REVIEW_UNDECIDED' ? t('notices.reviewUndecided', { date: formatDate(lang, n.validTo) })
                  : n.kind === 'EVENT_SUBSCRIPTION_DISABLED' ? t('notices.subscriptionDisabled', { date: formatDate(lang, n.validTo) })
                    : t('notices.needsNewAdministrator')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
