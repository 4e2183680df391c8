import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

/**
 * Test PKI for the BankID simulator: one CA, a server certificate for localhost/127.0.0.1/::1 and
 * a relying-party client certificate, both issued by that CA. The real BankID service is reached
 * over mutual TLS (its own CA, our RP certificate); giving the simulator the same shape means the
 * client code path — CA pinning plus a client certificate — is exercised in every test, not only
 * in production.
 *
 * Keys come from node's native RSA generator (fast); node-forge (shipped with `selfsigned`) only
 * assembles and signs the X.509 structures, which node cannot do itself.
 */
export interface SimulatorCerts {
  /** PEM of the CA certificate. Relying parties trust this as the BankID server CA. */
  ca: string;
  /** PEM of the CA private key; only needed to issue further client certificates. */
  caKey?: string;
  serverCert: string;
  serverKey: string;
  /** PEM of a client certificate the simulator accepts (the "RP certificate"). */
  clientCert: string;
  clientKey: string;
}

const generateKeyPairAsync = promisify(generateKeyPair);

async function rsaKeyPair(): Promise<forge.pki.rsa.KeyPair> {
  const { privateKey } = await generateKeyPairAsync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    // PKCS#1 because node-forge reads it without needing ASN.1 PKCS#8 unwrapping of our own.
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const forgePrivate = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  const forgePublic = forge.pki.setRsaPublicKey(forgePrivate.n, forgePrivate.e);
  return { privateKey: forgePrivate, publicKey: forgePublic };
}

/** A positive serial number (RFC 5280 §4.1.2.2): clear the top bit of a random 16-byte value. */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  return bytes.toString('hex');
}

function validity(cert: forge.pki.Certificate, years: number): void {
  // Backdated a day so a slightly skewed clock on the other end does not reject a fresh cert.
  // Real time on purpose: TLS peers check validity against their own wall clock, not the
  // simulator's injectable order clock.
  const notBefore = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const notAfter = new Date(notBefore);
  notAfter.setFullYear(notAfter.getFullYear() + years);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
}

function issue(opts: {
  subjectCn: string;
  keys: forge.pki.rsa.KeyPair;
  issuer: forge.pki.Certificate | undefined;
  issuerKey: forge.pki.rsa.PrivateKey;
  extensions: object[];
  years: number;
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.serialNumber = serialNumber();
  cert.publicKey = opts.keys.publicKey;
  validity(cert, opts.years);
  const subject = [
    { name: 'commonName', value: opts.subjectCn },
    { name: 'organizationName', value: 'Behorig BankID simulator' },
    { name: 'countryName', value: 'SE' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(opts.issuer ? opts.issuer.subject.attributes : subject);
  const authorityKeyId = opts.issuer
    ? [{ name: 'authorityKeyIdentifier', keyIdentifier: opts.issuer.generateSubjectKeyIdentifier().getBytes() }]
    : [];
  cert.setExtensions([...opts.extensions, { name: 'subjectKeyIdentifier' }, ...authorityKeyId]);
  cert.sign(opts.issuerKey, forge.md.sha256.create());
  return cert;
}

/** Generates a fresh CA, server and client certificate in memory (about a third of a second). */
export async function generateSimulatorCerts(): Promise<SimulatorCerts> {
  const [caKeys, serverKeys, clientKeys] = await Promise.all([rsaKeyPair(), rsaKeyPair(), rsaKeyPair()]);

  const ca = issue({
    subjectCn: 'Behorig BankID Simulator Test CA',
    keys: caKeys,
    issuer: undefined,
    issuerKey: caKeys.privateKey,
    years: 10,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const server = issue({
    subjectCn: 'localhost',
    keys: serverKeys,
    issuer: ca,
    issuerKey: caKeys.privateKey,
    years: 2,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' }, // DNS
          { type: 7, ip: '127.0.0.1' }, // IP
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  const client = issue({
    subjectCn: 'Behorig relying party (simulator)',
    keys: clientKeys,
    issuer: ca,
    issuerKey: caKeys.privateKey,
    years: 2,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', clientAuth: true },
    ],
  });

  return {
    ca: forge.pki.certificateToPem(ca),
    caKey: forge.pki.privateKeyToPem(caKeys.privateKey),
    serverCert: forge.pki.certificateToPem(server),
    serverKey: forge.pki.privateKeyToPem(serverKeys.privateKey),
    clientCert: forge.pki.certificateToPem(client),
    clientKey: forge.pki.privateKeyToPem(clientKeys.privateKey),
  };
}
