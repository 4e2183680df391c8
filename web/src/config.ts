/** Build-time configuration (Vite env). */
export const config = {
  gatewayUrl: (import.meta.env.VITE_GATEWAY_URL as string | undefined) ?? 'http://localhost:4000/graphql',
  simulatorUrl: (import.meta.env.VITE_BANKID_SIMULATOR_URL as string | undefined) ?? 'http://localhost:4011',
  /** Development conveniences (Test-BankID panel, token log-in) exist only in the dev server. */
  development: import.meta.env.DEV || import.meta.env.VITE_DEV_TOOLS === 'true',
};
