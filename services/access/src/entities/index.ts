import { PersonEntity } from './person.entity';
import { MembershipEntity, MembershipUnitEntity, RoleAssignmentEntity } from './membership.entity';
import { RoleEntity, RoleGrantEntity } from './role.entity';
import { OutboxEventEntity } from '@behorig/kit';
import { AgreementEntity } from './agreement.entity';
import { ChangeSetEntity, PendingChangeEntity } from './change-set.entity';

export { PersonEntity, MembershipEntity, MembershipUnitEntity, RoleAssignmentEntity, RoleEntity, RoleGrantEntity, OutboxEventEntity, AgreementEntity, ChangeSetEntity, PendingChangeEntity };
export const entities = [PersonEntity, MembershipEntity, MembershipUnitEntity, RoleAssignmentEntity, RoleEntity, RoleGrantEntity, OutboxEventEntity, AgreementEntity, ChangeSetEntity, PendingChangeEntity];
