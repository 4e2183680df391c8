/** Non-default ports so the browser suite never collides with a running `npm start`. */
export const E2E = {
  gateway: Number(process.env.E2E_GATEWAY_PORT ?? 4100),
  organisations: 4101,
  access: 4102,
  signing: 4103,
  bankidRp: 4110,
  bankidControl: 4111,
  web: Number(process.env.E2E_WEB_PORT ?? 5180),
  embeddedPg: 54339,
};
