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
