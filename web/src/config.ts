/** Build-time configuration (Vite env). */
export const config = {
  gatewayUrl: (import.meta.env.VITE_GATEWAY_URL as string | undefined) ?? 'http://localhost:4000/graphql',
  /** `GET /audit/export` (JSON Lines); by default at the gateway's address, which passes it on to the signing service. */
  auditExportUrl: (import.meta.env.VITE_AUDIT_EXPORT_URL as string | undefined)
    ?? new URL('/audit/export', (import.meta.env.VITE_GATEWAY_URL as string | undefined) ?? 'http://localhost:4000/graphql').toString(),
  /** Client awareness: the gateway records these (apollographql-client-name/-version) in its metrics and access log. */
  clientName: 'behorig-web',
  clientVersion: (import.meta.env.VITE_CLIENT_VERSION as string | undefined) ?? 'dev',
  simulatorUrl: (import.meta.env.VITE_BANKID_SIMULATOR_URL as string | undefined) ?? 'http://localhost:4011',
  /** Development conveniences (Test-BankID panel, token log-in) exist only in the dev server. */
  development: import.meta.env.DEV || import.meta.env.VITE_DEV_TOOLS === 'true',
};

const env = (name: string): string | undefined => {
  const v = (import.meta.env as Record<string, string | undefined>)[name];
  return v && v.trim() ? v.trim() : undefined;
};

/**
 * Who runs this deployment and how to reach them: the footer and the accessibility statement
 * (required of Swedish public-sector services) read these. Set per deployment at build time; the
 * development server shows demo values so the pages can be seen, a production build shows only
 * what was set.
 */
export const deployment = {
  organisationName: env('VITE_ORGANISATION_NAME') ?? (config.development ? 'Arbetsförmedlingen (demo)' : 'Behörig'),
  serviceName: env('VITE_SERVICE_NAME') ?? 'Behörig',
  /**
   * The organisation's logo in the header (a URL or a path the web server serves; its text
   * alternative is the organisation's name). Development shows a demo logo; production shows none
   * unless set, and then the organisation's name as text.
   */
  logoUrl: env('VITE_ORGANISATION_LOGO_URL') ?? (config.development ? '/demo-logo.svg' : undefined),
  supportEmail: env('VITE_SUPPORT_EMAIL') ?? (config.development ? 'behorig-support@example.se' : undefined),
  supportPhone: env('VITE_SUPPORT_PHONE') ?? (config.development ? '0771-416 416' : undefined),
  supportHours: env('VITE_SUPPORT_HOURS') ?? (config.development ? 'vardagar 8–16' : undefined),
  supportUrl: env('VITE_SUPPORT_URL'),
  /** Dates of the accessibility statement (YYYY-MM-DD): when the service was published, last assessed, statement updated. */
  publishedOn: env('VITE_PUBLISHED_ON') ?? '2026-11-01',
  assessedOn: env('VITE_A11Y_ASSESSED_ON') ?? '2026-11-28',
  statementUpdatedOn: env('VITE_A11Y_STATEMENT_UPDATED_ON') ?? '2026-11-28',
};

