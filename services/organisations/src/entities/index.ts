import { OrganisationEntity } from './organisation.entity';
import { ServiceEntity, SchoolFormEntity } from './catalogue.entity';
import { UnitEntity, UnitSchoolFormEntity, AddressEntity } from './unit.entity';
import { ContactPersonEntity, PaymentAccountEntity } from './contact.entity';
import { OutboxEventEntity } from '@behorig/kit';

export { OrganisationEntity, ServiceEntity, SchoolFormEntity, UnitEntity, UnitSchoolFormEntity, AddressEntity, ContactPersonEntity, PaymentAccountEntity, OutboxEventEntity };
export const entities = [OrganisationEntity, ServiceEntity, SchoolFormEntity, UnitEntity, UnitSchoolFormEntity, AddressEntity, ContactPersonEntity, PaymentAccountEntity, OutboxEventEntity];
