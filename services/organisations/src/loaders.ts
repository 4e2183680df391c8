import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader, isUuid } from '@behorig/kit';

/** Ids that are not UUIDs name no row (kit isUuid). */
const uuidsOnly = (ids: readonly string[]) => ids.filter(isUuid);
import { OrganisationEntity, type OrganisationRow } from './entities/organisation.entity';
import { UnitEntity, AddressEntity, type UnitRow, type AddressRow } from './entities/unit.entity';
import { SchoolFormEntity, ServiceEntity, type SchoolFormRow, type ServiceRow } from './entities/catalogue.entity';
import { ContactPersonEntity, PaymentAccountEntity, type ContactPersonRow, type PaymentAccountRow } from './entities/contact.entity';

/** One SQL statement per batch: `WHERE id IN (...)` — never one per item. */
export function createLoaders(em: EntityManager) {
  return {
    organisation: byIdLoader<OrganisationRow>((ids) => em.find(OrganisationEntity, { id: { $in: uuidsOnly(ids) } }), (o) => o.id),
    unit: byIdLoader<UnitRow>((ids) => em.find(UnitEntity, { id: { $in: uuidsOnly(ids) } }), (u) => u.id),
    address: byIdLoader<AddressRow>((ids) => em.find(AddressEntity, { id: { $in: uuidsOnly(ids) } }), (a) => a.id),
    schoolForm: byIdLoader<SchoolFormRow>((codes) => em.find(SchoolFormEntity, { code: { $in: [...codes] } }), (f) => f.code),
    service: byIdLoader<ServiceRow>((codes) => em.find(ServiceEntity, { code: { $in: [...codes] } }), (s) => s.code),
    unitsByOrganisation: childrenLoader<UnitRow>((ids) => em.find(UnitEntity, { organisationId: { $in: [...ids] } }, { orderBy: { name: 'asc' } }), (u) => u.organisationId),
    addressesByUnit: childrenLoader<AddressRow>((ids) => em.find(AddressEntity, { unitId: { $in: [...ids] } }, { orderBy: { street: 'asc' } }), (a) => a.unitId),
    schoolFormsByUnit: childrenLoader<SchoolFormRow & { unitId: string }>(
      (ids) =>
        em.execute(
          `SELECT l.unit_id AS "unitId", f.code, f.name FROM organisations.unit_school_form l
             JOIN organisations.school_form f ON f.code = l.school_form_code
            WHERE l.unit_id IN (?) ORDER BY f.name`,
          [[...ids]],
        ),
      (f) => f.unitId,
    ),
    contactPersonsByOrganisation: childrenLoader<ContactPersonRow>(
      (ids) => em.find(ContactPersonEntity, { organisationId: { $in: [...ids] } }, { orderBy: { surname: 'asc', givenName: 'asc', id: 'asc' } }),
      (c) => c.organisationId,
    ),
    // The default account first, so clients can show it on top without sorting.
    paymentAccountsByOrganisation: childrenLoader<PaymentAccountRow>(
      (ids) => em.find(PaymentAccountEntity, { organisationId: { $in: [...ids] } }, { orderBy: { isDefault: 'desc', createdAt: 'asc', id: 'asc' } }),
      (a) => a.organisationId,
    ),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
