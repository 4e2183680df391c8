import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useI18n, type MessageKey } from '../i18n';
import { apiFieldErrors } from '../api/errors';
import { ErrorBox, Field, Loading } from '../components/ui';
import { formatDateTime } from '../lib/format';

export const EventSubscriptionsDocument = graphql(`
  query EventSubscriptions($id: ID!) {
    organisation(id: $id) {
      id
      eventSubscriptions {
        id url events active createdAt disabledAt disabledReason
        deliveries(first: 10) { id eventType status attempts lastStatusCode lastAttemptAt nextAttemptAt deliveredAt createdAt }
      }
    }
  }
`);

export const SubscribeToEventsDocument = graphql(`
  mutation SubscribeToEvents($organisationId: ID!, $input: EventSubscriptionInput!) {
    subscribeToEvents(organisationId: $organisationId, input: $input) { secret subscription { id url events active } }
  }
`);

export const UnsubscribeFromEventsDocument = graphql(`
  mutation UnsubscribeFromEvents($id: ID!) {
    unsubscribeFromEvents(id: $id) { id active }
  }
`);

/** The contract's event types (R-HOOK-1), in its order. */
const EVENT_TYPES = ['staff.added', 'staff.changed', 'staff.removed', 'period.changed', 'employment.ended'] as const;
const eventKey = (e: string) => `hooks.event.${e}` as MessageKey;

/** R-HOOK-1: partner systems' subscriptions — add one (its secret shown once), see the recent deliveries, remove. */
export function SubscriptionsPage() {
  const { t, lang } = useI18n();
  const { organisationId = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: EventSubscriptionsDocument, variables: { id: organisationId }, requestPolicy: 'cache-and-network' });
  const [added, subscribe] = useMutation(SubscribeToEventsDocument);
  const [removed, unsubscribe] = useMutation(UnsubscribeFromEventsDocument);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['staff.added', 'staff.changed', 'staff.removed']);
  const [secret, setSecret] = useState<string | null>(null);
  const [pickError, setPickError] = useState(false);
  const subscriptions = data?.organisation?.eventSubscriptions ?? [];
  const errors = apiFieldErrors(added.error, lang);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (events.length === 0) { setPickError(true); return; }
    setPickError(false);
    const res = await subscribe({ organisationId, input: { url: url.trim(), events } });
    if (res.data) {
      setSecret(res.data.subscribeToEvents.secret);
      setUrl('');
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const remove = async (id: string) => {
    const res = await unsubscribe({ id });
    if (!res.error) refetch({ requestPolicy: 'network-only' });
  };

  return (
    <>
      <h1>{t('hooks.title')}</h1>
      <p className="muted">{t('hooks.intro')}</p>
      {secret && (
        <section className="notice" role="status" aria-labelledby="hook-secret">
          <h2 id="hook-secret">{t('hooks.secretTitle')}</h2>
          <p>{t('hooks.secretHelp')}</p>
          <p><code data-testid="hook-secret" className="secret">{secret}</code></p>
          <div className="actions"><button type="button" onClick={() => setSecret(null)}>{t('hooks.secretDone')}</button></div>
        </section>
      )}
      <section className="card" aria-labelledby="hooks-add">
        <h2 id="hooks-add">{t('hooks.add')}</h2>
        <form onSubmit={onSubmit} noValidate>
          <Field label={t('hooks.url')} help={t('hooks.urlHelp')} type="url" inputMode="url" autoComplete="off" required
            value={url} onChange={(e) => setUrl(e.target.value)} error={errors.fields.url ?? null} />
          <fieldset aria-describedby={pickError || errors.fields.events ? 'hooks-events-error' : undefined}>
            <legend>{t('hooks.events')}</legend>
            {EVENT_TYPES.map((type) => (
              <label key={type} className="checkbox">
                <input type="checkbox" checked={events.includes(type)}
                  onChange={(e) => setEvents(e.target.checked ? [...events, type] : events.filter((x) => x !== type))} />
                {' '}{t(eventKey(type))} <span className="muted">({type})</span>
              </label>
            ))}
            {(pickError || errors.fields.events) && <p id="hooks-events-error" className="field-error" role="alert">{pickError ? t('hooks.pickEvent') : errors.fields.events}</p>}
          </fieldset>
          {errors.general.length > 0 && <ErrorBox>{errors.general.join(' ')}</ErrorBox>}
          <div className="actions"><button type="submit" disabled={added.fetching}>{t('hooks.submit')}</button></div>
        </form>
      </section>
      <section className="card" aria-labelledby="hooks-list">
        <h2 id="hooks-list">{t('hooks.list')}</h2>
        <div className="actions"><button type="button" className="secondary" onClick={() => refetch({ requestPolicy: 'network-only' })}>{t('hooks.refresh')}</button></div>
        <ErrorBox error={error ?? removed.error} />
        {fetching && !data && <Loading />}
        {data && subscriptions.length === 0 && <p>{t('hooks.none')}</p>}
        {subscriptions.map((s) => (
          <article key={s.id} className="subscription" aria-labelledby={`hook-${s.id}`}>
            <h3 id={`hook-${s.id}`}><code>{s.url}</code></h3>
            <p>
              {t('hooks.status')}: <span className={`chip ${s.active ? 'chip-active' : 'chip-ended'}`}>{s.active ? t('hooks.active') : t('hooks.inactive')}</span>
              {' · '}{s.events.map((e) => t(eventKey(e))).join(', ')}
            </p>
            {s.disabledReason && s.disabledAt && <p role="note">{t('hooks.disabledForFailures', { date: formatDateTime(lang, s.disabledAt) })}</p>}
            <h4>{t('hooks.deliveries')}</h4>
            {s.deliveries.length === 0 ? <p className="muted">{t('hooks.noDeliveries')}</p> : (
              <div className="table-wrap">
                <table className="stack">
                  <thead><tr>
                    <th scope="col">{t('hooks.delivery.at')}</th><th scope="col">{t('hooks.delivery.event')}</th><th scope="col">{t('hooks.delivery.status')}</th>
                    <th scope="col">{t('hooks.delivery.attempts')}</th><th scope="col">{t('hooks.delivery.answer')}</th>
                  </tr></thead>
                  <tbody>
                    {s.deliveries.map((d) => (
                      <tr key={d.id}>
                        <td data-label={t('hooks.delivery.at')}>{formatDateTime(lang, d.createdAt)}</td>
                        <td data-label={t('hooks.delivery.event')}>{t(eventKey(d.eventType))}</td>
                        <td data-label={t('hooks.delivery.status')}>
                          {t(`hooks.delivery.${d.status}` as MessageKey)}
                          {d.status === 'PENDING' && d.nextAttemptAt && <span className="muted"> ({t('hooks.delivery.nextAttempt', { time: formatDateTime(lang, d.nextAttemptAt) })})</span>}
                        </td>
                        <td data-label={t('hooks.delivery.attempts')}>{d.attempts}</td>
                        <td data-label={t('hooks.delivery.answer')}>{d.lastStatusCode ?? (d.attempts > 0 ? t('hooks.delivery.noAnswer') : '–')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {s.active && (
              <div className="actions">
                <button type="button" className="secondary" aria-label={t('hooks.remove', { url: s.url })} disabled={removed.fetching} onClick={() => remove(s.id)}>{t('hooks.removeShort')}</button>
              </div>
            )}
          </article>
        ))}
      </section>
    </>
  );
}
