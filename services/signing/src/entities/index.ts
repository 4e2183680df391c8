import { AuditEventEntity } from './audit-event.entity';
import { SigningOrderEntity } from './signing-order.entity';
import { ReceiptEntity } from './receipt.entity';
import { ApiClientEntity } from './api-client.entity';

export { AuditEventEntity, SigningOrderEntity, ReceiptEntity, ApiClientEntity };
export const entities = [AuditEventEntity, SigningOrderEntity, ReceiptEntity, ApiClientEntity];
