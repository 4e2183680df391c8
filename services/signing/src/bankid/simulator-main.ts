/**
 * The BankID simulator as its own process (README, URLs: RP API over TLS on 4010, control on
 * 4011). `npm start` runs it next to the signing service; its CA and client certificate are kept
 * in BANKID_SIMULATOR_DIR (default .data/bankid/), where the signing service's BANKID_* defaults
 * look for them. Development and tests only: refused in production.
 */
import { DEMO } from '@behorig/kit/demo';
import { createLogger } from '@behorig/kit/server';
import { loadSimulatorEnv } from '../env';
import { startBankIdSimulator, type SimulatedPerson } from './bankid-simulator';
import { loadOrCreateSimulatorCerts } from './simulator-files';

async function main() {
  const env = loadSimulatorEnv();
  const logger = createLogger('bankid-simulator', 'info');
  if (env.NODE_ENV === 'production') throw new Error('The BankID simulator is for development and tests; it refuses to run in production.');
  const certs = await loadOrCreateSimulatorCerts(env.BANKID_SIMULATOR_DIR);
  // The demo people answer with their seeded names, as their real BankID would.
  const people: Record<string, SimulatedPerson> = {};
  for (const p of [...DEMO.people, DEMO.andreaSandin]) people[p.personalNumber] = { givenName: p.givenName, surname: p.surname };
  const sim = await startBankIdSimulator({
    rpPort: env.BANKID_SIMULATOR_RP_PORT,
    controlPort: env.BANKID_SIMULATOR_CONTROL_PORT,
    host: env.BANKID_SIMULATOR_HOST,
    certs,
    people,
  });
  logger.info({ rpUrl: sim.rpUrl, controlUrl: sim.controlUrl, certificates: env.BANKID_SIMULATOR_DIR }, 'BankID simulator ready');
  const stop = () => { void sim.stop().then(() => process.exit(0)); };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error(`bankid-simulator: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
