import type { EntityManager } from '@mikro-orm/postgresql';
import { parsePersonName } from '@behorig/kit/identity';
import { writeOutboxEvent } from '@behorig/kit/outbox';
import { lockPersonName, updatePersonName } from './people.store';

/**
 * R-USR-5: the identity row's name comes from the first registration and is corrected from
 * BankID's completion data (`givenName`, `surname`) at the person's own log-in — their own BankID
 * name is authoritative. Nothing else of the row changes; the event names the person by id only
 * (never the personal number). No event when the name already matches.
 * Throws ValidationError (INVALID_NAME) when BankID's name is not a plain name (kit person-name).
 */
export async function correctNameFromBankId(
  em: EntityManager, personId: string, input: { givenName: string; surname: string; orderRef: string },
): Promise<{ corrected: boolean } | null> {
  const name = { givenName: parsePersonName(input.givenName, 'givenName'), surname: parsePersonName(input.surname, 'surname') };
  return em.transactional(async (tx) => {
    const current = await lockPersonName(tx, personId);
    if (!current) return null;
    if (current.givenName === name.givenName && current.surname === name.surname) return { corrected: false };
    await updatePersonName(tx, personId, name);
    await writeOutboxEvent(tx, 'access', {
      actor: { kind: 'person', personId, authority: false }, organisationId: null, action: 'access.person.name_corrected',
      target: `person:${personId}`, before: current, after: { ...name, source: 'bankid', orderRef: input.orderRef },
    });
    return { corrected: true };
  });
}
