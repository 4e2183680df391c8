import { PersonEntity } from './person.entity';
import { MembershipEntity, MembershipUnitEntity, RoleAssignmentEntity } from './membership.entity';
import { RoleEntity, RoleGrantEntity } from './role.entity';
import { OutboxEventEntity } from './outbox-event.entity';

export { PersonEntity, MembershipEntity, MembershipUnitEntity, RoleAssignmentEntity, RoleEntity, RoleGrantEntity, OutboxEventEntity };
export const entities = [PersonEntity, MembershipEntity, MembershipUnitEntity, RoleAssignmentEntity, RoleEntity, RoleGrantEntity, OutboxEventEntity];
