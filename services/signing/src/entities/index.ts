import { AuditEventEntity } from './audit-event.entity';

export { AuditEventEntity };
export const entities = [AuditEventEntity];
