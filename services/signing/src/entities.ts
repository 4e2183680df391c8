import { AuditEventEntity } from './modules/audit/audit.store';
import { ReceiptEntity, SigningOrderEntity } from './modules/orders/orders.store';
import { ApiClientEntity } from './modules/partners/partners.store';

export const entities = [AuditEventEntity, SigningOrderEntity, ReceiptEntity, ApiClientEntity];
