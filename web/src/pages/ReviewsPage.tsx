import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AccessReviewItemsDocument, AccessReviewsDocument, DecideReviewItemsDocument, StartAccessReviewDocument } from '../api/keeping-access-current';
import { useI18n } from '../i18n';
import { formatDate } from '../lib/format';
import { roleLabel } from '../lib/labels';
import { ErrorBox, Field, Loading } from '../components/ui';
import { ChangesToSign } from './staff/ChangesToSign';

const todayPlus = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
};

/** R-REV-1 "Granskningar": start a review, decide items in bulk, follow the progress, sign. */
export function ReviewsPage() {
  const { t, lang } = useI18n();
  const { organisationId = '' } = useParams();
  const [{ data, error }, refetch] = useQuery({ query: AccessReviewsDocument, variables: { organisationId }, requestPolicy: 'cache-and-network' });
  const [startResult, start] = useMutation(StartAccessReviewDocument);
  const [deadline, setDeadline] = useState(todayPlus(14));
  const [endUndecided, setEndUndecided] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const reviews = data?.organisation?.accessReviews ?? [];
  async function onStart(e: FormEvent) {
    e.preventDefault();
    const res = await start({ input: { organisationId, deadline, endUndecidedAtDeadline: endUndecided } });
    if (res.data?.startAccessReview) {
      setOpen(res.data.startAccessReview.id);
      refetch({ requestPolicy: 'network-only' });
    }
  }
  const fieldError = (startResult.error?.graphQLErrors[0]?.extensions?.field === 'input.deadline') ? startResult.error.graphQLErrors[0].message : null;
  return (
    <section aria-labelledby="reviews-title">
      <h1 id="reviews-title">{t('reviews.title')}</h1>
      <p>{t('reviews.intro')}</p>
      <form className="card" onSubmit={onStart} aria-labelledby="reviews-start">
        <h2 id="reviews-start">{t('reviews.start')}</h2>
        <Field label={t('reviews.deadline')} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} error={fieldError} required />
        <label className="checkbox">
          <input type="checkbox" checked={endUndecided} onChange={(e) => setEndUndecided(e.target.checked)} />
          <span>{t('reviews.endUndecided')}</span>
        </label>
        {!fieldError && <ErrorBox error={startResult.error} />}
        <button type="submit" disabled={startResult.fetching}>{t('reviews.startButton')}</button>
      </form>
      <ErrorBox error={error} />
      <section className="card" aria-labelledby="reviews-list">
        <h2 id="reviews-list">{t('reviews.list')}</h2>
        {reviews.length === 0 ? <p>{t('reviews.none')}</p> : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('reviews.deadline')}</th>
                  <th scope="col">{t('reviews.status')}</th>
                  <th scope="col">{t('reviews.progress')}</th>
                  <th scope="col"><span className="visually-hidden">{t('reviews.open')}</span></th>
                </tr>
              </thead>
              <tbody>
                {reviews.map((r) => (
                  <tr key={r.id}>
                    <td>{formatDate(lang, r.deadline)}</td>
                    <td>{t(`reviews.status.${r.status}`)}</td>
                    <td>
                      <progress max={r.all.totalCount} value={r.all.totalCount - r.left.totalCount} aria-label={t('reviews.progressOf', { date: formatDate(lang, r.deadline) })} />{' '}
                      {t('reviews.decidedOf', { done: r.all.totalCount - r.left.totalCount, all: r.all.totalCount })}
                    </td>
                    <td><button type="button" className="secondary" onClick={() => setOpen(r.id)} aria-pressed={open === r.id}>{t('reviews.open')}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {open && <ReviewItems key={open} reviewId={open} organisationId={organisationId} onDecided={() => refetch({ requestPolicy: 'network-only' })} />}
    </section>
  );
}

function ReviewItems({ reviewId, organisationId, onDecided }: { reviewId: string; organisationId: string; onDecided: () => void }) {
  const { t, lang } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: AccessReviewItemsDocument, variables: { id: reviewId, decided: false, first: 100 }, requestPolicy: 'network-only' });
  const [decideResult, decide] = useMutation(DecideReviewItemsDocument);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [endDate, setEndDate] = useState(todayPlus(30));
  const [signKey, setSignKey] = useState(0);
  const navigate = useNavigate();
  const review = data?.accessReview;
  const items = review?.items.edges.map((e) => e.node) ?? [];
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  async function apply(decision: 'KEEP' | 'END') {
    const res = await decide({ reviewId, decisions: [...selected].map((itemId) => (decision === 'END' ? { itemId, decision, endDate } : { itemId, decision })) });
    if (!res.error) {
      setSelected(new Set());
      refetch({ requestPolicy: 'network-only' });
      setSignKey((k) => k + 1);
      onDecided();
    }
  }
  return (
    <>
      <section className="card" aria-labelledby="review-items">
        <h2 id="review-items">{t('reviews.items', { date: review ? formatDate(lang, review.deadline) : '' })}</h2>
        <ErrorBox error={error ?? decideResult.error} />
        {fetching && !data ? <Loading /> : items.length === 0 ? <p>{t('reviews.allDecided')}</p> : (
          <>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">
                      <input type="checkbox" aria-label={t('reviews.selectAll')} checked={selected.size === items.length}
                        onChange={(e) => setSelected(e.target.checked ? new Set(items.map((i) => i.id)) : new Set())} />
                    </th>
                    <th scope="col">{t('staff.name')}</th>
                    <th scope="col">{t('staff.role')}</th>
                    <th scope="col">{t('staff.validFrom')}</th>
                    <th scope="col">{t('staff.validTo')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => {
                    const name = `${i.person.givenName} ${i.person.surname}`;
                    return (
                      <tr key={i.id}>
                        <td><input type="checkbox" checked={selected.has(i.id)} onChange={() => toggle(i.id)} aria-label={t('reviews.select', { name, role: roleLabel(lang, i.assignment.role) })} /></td>
                        <td>{name}</td>
                        <td>{roleLabel(lang, i.assignment.role)}</td>
                        <td>{formatDate(lang, i.assignment.validFrom)}</td>
                        <td>{i.assignment.validTo ? formatDate(lang, i.assignment.validTo) : t('perm.noEnd')}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {review?.status === 'OPEN' && (
              <div className="actions">
                <button type="button" disabled={selected.size === 0 || decideResult.fetching} onClick={() => apply('KEEP')}>{t('reviews.keep', { n: selected.size })}</button>
                <Field label={t('reviews.endDate')} type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
                <button type="button" className="secondary" disabled={selected.size === 0 || decideResult.fetching} onClick={() => apply('END')}>{t('reviews.end', { n: selected.size })}</button>
              </div>
            )}
          </>
        )}
      </section>
      <ChangesToSign key={signKey} organisationId={organisationId} unitNames={{}} canManage onEdit={() => navigate(`/org/${organisationId}/staff`)} onApplied={() => refetch({ requestPolicy: 'network-only' })} />
    </>
  );
}
