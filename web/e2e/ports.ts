/**
 * Non-default ports so the browser suite never collides with a running `npm start` (4000–4011,
 * 5173) or other suites on the machine. E2E_PORT_BASE moves the whole block.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 4600);
export const E2E = {
  gateway: base,
  organisations: base + 1,
  access: base + 2,
  signing: base + 3,
  bankidRp: base + 10,
  bankidControl: base + 11,
  web: base + 20,
  embeddedPg: Number(process.env.E2E_PG_PORT ?? 54339),
};
