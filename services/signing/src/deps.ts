import type { ClientStatusCache, ServiceCredentials, SigningKey, TokenVerifier } from '@behorig/kit/auth';
import type { ReceiptVerifier } from '@behorig/kit/receipt';
import type { DecisionCacheLike, PermissionSource } from '@behorig/kit/permissions';
import type { Logger } from '@behorig/kit/server';
import type { PersonalNumberVault } from '@behorig/kit/vault';
import type { JWTVerifyGetKey } from 'jose';
import type { AccessClient } from './clients/access.client';
import type { BankIdProvider } from './bankid/bankid-provider';
import type { SecretSealer } from './modules/webhooks/webhook-secret';

/** What the resolvers and internal routes need besides the request: built once in buildServer. */
export interface SigningDeps {
  key: SigningKey;
  /** Signature, claims AND the partner client's live status (R-AUTH-3). */
  verify: TokenVerifier;
  /** Signature and claims only: what token introspection starts from. */
  verifySignature: TokenVerifier;
  /** Partner clients' live status, ≤ 5 s old; revoking here forgets it at once (R-AUTH-3). */
  clientStatus: ClientStatusCache;
  verifyReceipt: ReceiptVerifier;
  /** The published keys (current and retired): what checkpoints and receipts are verified with. */
  getKey: JWTVerifyGetKey;
  /** Created on first use (see bankid/bankid-provider.ts). */
  bankId: () => BankIdProvider;
  access: AccessClient;
  /** Where a person's permission answers come from (access's `myAccess`), for kit's PermissionClient. */
  permissionSource: PermissionSource;
  /** A person's decisions per process, emptied by every change of access's permission index (R-SCOPE-4); none: always ask. */
  permissionDecisions?: DecisionCacheLike;
  /** Epoch ms; injected in tests (QR seconds, local expiry). */
  now: () => number;
  authorityNumbers: ReadonlySet<string>;
  tokenTtlSeconds: number;
  /** R-USR-5: whether a log-in corrects the identity row's name from BankID (see server.ts). */
  nameCorrection: boolean;
  /** Waits between attempts to apply a signed change set (R-SIGN-4: retried until a definite answer). */
  applyRetryDelaysMs: readonly number[];
  logger: Logger;
  /** This service's credentials (R-AUTH-4): what it presents to access and checks on /internal/... calls. */
  credentials: ServiceCredentials;
  /** Seals and hashes personal numbers at rest (kit personal-number-vault). */
  vault: PersonalNumberVault;
  /** NODE_ENV=production: webhook targets must be https and public (R-HOOK-1). */
  production: boolean;
  /** Seals webhook subscription secrets (modules/webhooks/webhook-secret.ts). */
  webhookSecrets: SecretSealer;
}
