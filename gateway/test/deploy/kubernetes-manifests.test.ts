import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '@behorig/kit/db';

/**
 * The Kubernetes manifests (deploy/kubernetes, docs/deploy.md): the production overlay renders
 * with `kubectl kustomize` (with the example secrets in place of the real, git-ignored ones), every
 * built-in object validates against the Kubernetes API schemas (kubernetes-models), and the
 * deployment rules hold: probes, requests and limits, an autoscaler and a disruption budget per
 * Deployment, only gateway and web reachable from outside, secrets only where they are needed,
 * PgBouncer in transaction mode.
 */
type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec?: any; data?: Record<string, string>; [k: string]: any };

const root = repoRoot();
let objects: Obj[] = [];
let rendered = '';

beforeAll(() => {
  const copy = mkdtempSync(join(tmpdir(), 'behorig-k8s-'));
  try {
    cpSync(join(root, 'deploy'), join(copy, 'deploy'), { recursive: true });
    const secrets = join(copy, 'deploy/kubernetes/overlays/production/secrets');
    for (const f of readdirSync(secrets).filter((f) => f.endsWith('.example'))) copyFileSync(join(secrets, f), join(secrets, f.replace(/\.example$/, '')));
    rendered = execFileSync('kubectl', ['kustomize', join(copy, 'deploy/kubernetes/overlays/production')], { encoding: 'utf8' });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  objects = parseAllDocuments(rendered).map((d) => d.toJS() as Obj).filter(Boolean);
});

const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
const one = (kind: string, name: string) => {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`${kind}/${name} is not rendered`);
  return o;
};
const SERVICES = ['gateway', 'organisations', 'access', 'signing', 'web'];
const SUBGRAPHS = ['organisations', 'access', 'signing'];

/** kubernetes-models class for an apiVersion/kind (apps/v1 → kubernetes-models/apps/v1). */
function model(apiVersion: string, kind: string): (new (o: object) => { validate(): void }) | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(`kubernetes-models/${apiVersion}`)[kind];
  } catch {
    return undefined;
  }
}

describe('deploy/kubernetes/overlays/production', () => {
  it('renders every expected kind, all in the behorig namespace', () => {
    const kinds = new Set(objects.map((o) => o.kind));
    for (const k of ['Namespace', 'ConfigMap', 'Secret', 'Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Job', 'NetworkPolicy', 'Ingress', 'Cluster', 'Pooler']) expect(kinds).toContain(k);
    for (const o of objects.filter((o) => o.kind !== 'Namespace')) expect([o.kind, o.metadata.namespace]).toEqual([o.kind, 'behorig']);
  });

  it('every built-in object validates against the Kubernetes API schemas (kubernetes-models)', () => {
    const builtIn = objects.filter((o) => !o.apiVersion.includes('cnpg.io'));
    expect(builtIn.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const o of builtIn) {
      const Model = model(o.apiVersion, o.kind);
      if (!Model) { problems.push(`${o.apiVersion} ${o.kind}/${o.metadata.name}: no schema`); continue; }
      try { new Model(o).validate(); } catch (e) { problems.push(`${o.kind}/${o.metadata.name}: ${(e as Error).message}`); }
    }
    expect(problems).toEqual([]);
  });

  it('the schema check is real: a broken Deployment is refused', () => {
    const Model = model('apps/v1', 'Deployment')!;
    const d = structuredClone(one('Deployment', 'access'));
    d.spec.template.spec.containers[0].resources.limits.memory = 'a lot';
    expect(() => new Model(d).validate()).toThrow(/memory/);
  });

  it.each(SERVICES)('%s: Deployment with requests, limits, probes, non-root; Service, HPA and PDB select it', (name) => {
    const d = one('Deployment', name);
    const pod = d.spec.template.spec;
    const labels = d.spec.template.metadata.labels;
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    for (const c of pod.containers) {
      expect(c.resources.requests.cpu).toBeDefined();
      expect(c.resources.requests.memory).toBeDefined();
      expect(c.resources.limits.cpu).toBeDefined();
      expect(c.resources.limits.memory).toBeDefined();
      expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      expect(c.image).toMatch(/^registry\.example\.org\/behorig\/[a-z]+:\d+\.\d+\.\d+$/);
      const live = name === 'web' ? '/healthz' : '/live';
      const ready = name === 'web' ? '/healthz' : '/ready';
      expect(c.livenessProbe.httpGet.path).toBe(live);
      expect(c.readinessProbe.httpGet.path).toBe(ready);
    }
    const matches = (selector: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);
    expect(matches(one('Service', name).spec.selector)).toBe(true);
    expect(matches(one('PodDisruptionBudget', name).spec.selector.matchLabels)).toBe(true);
    const hpa = one('HorizontalPodAutoscaler', name);
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(one('PodDisruptionBudget', name).spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
  });

  it('subgraphs and the gateway run with migrations left to the Job, which runs each migrate.js', () => {
    expect(one('ConfigMap', 'behorig-config').data).toMatchObject({ NODE_ENV: 'production', MIGRATE_AT_START: 'false', DEMO_DATA: 'false' });
    const job = one('Job', 'behorig-migrate');
    const containers = job.spec.template.spec.containers;
    expect(containers.map((c: any) => c.name).sort()).toEqual([...SUBGRAPHS].sort());
    for (const c of containers) {
      expect(c.command).toEqual(['node', '--conditions=dist', 'dist/migrate.js']);
      expect(c.workingDir).toBe(`/app/services/${c.name}`);
      expect(c.image).toContain(`/behorig/${c.name}:`);
      // The job needs the database only: no keys.
      expect(c.envFrom.map((e: any) => e.secretRef.name)).toEqual([expect.stringMatching(/^behorig-database-/)]);
    }
  });

  it('only the gateway and web are reachable from outside; subgraphs only from the gateway and each other', () => {
    const policies = byKind('NetworkPolicy');
    const deny = policies.find((p) => Object.keys(p.spec.podSelector).length === 0)!;
    expect(deny.spec.policyTypes).toEqual(['Ingress']);
    expect(deny.spec.ingress ?? []).toEqual([]);
    const fromOutside = policies.filter((p) => (p.spec.ingress ?? []).some((r: any) => r.from?.some((f: any) => f.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'ingress-nginx')));
    expect(fromOutside.map((p) => p.spec.podSelector.matchLabels['app.kubernetes.io/name']).sort()).toEqual(['gateway', 'web']);
    const sub = policies.find((p) => p.metadata.name === 'subgraphs-from-gateway-and-each-other')!;
    expect(sub.spec.podSelector.matchExpressions[0].values.sort()).toEqual([...SUBGRAPHS].sort());
    expect(sub.spec.ingress).toHaveLength(1);
    expect(sub.spec.ingress[0].from).toHaveLength(1);
    expect(sub.spec.ingress[0].from[0].namespaceSelector).toBeUndefined();
    // The Ingress routes to the gateway and web only.
    const backends = new Set(one('Ingress', 'behorig').spec.rules.flatMap((r: any) => r.http.paths.map((p: any) => p.backend.service.name)));
    expect([...backends].sort()).toEqual(['gateway', 'web']);
    for (const s of byKind('Service')) expect(s.spec.type ?? 'ClusterIP').toBe('ClusterIP');
  });

  it('secrets: keys, BankID and SMTP exist, empty in the examples, and each key reaches only its service', () => {
    const secret = (prefix: string) => byKind('Secret').find((s) => s.metadata.name.startsWith(`${prefix}-`))!;
    const keys = (prefix: string) => Object.keys(secret(prefix).data ?? {}).sort();
    expect(keys('behorig-database')).toEqual(['DATABASE_URL', 'PERMISSION_LISTEN_URL']);
    expect(keys('behorig-signing-key')).toEqual(['SIGNING_PRIVATE_JWK']);
    expect(keys('behorig-personal-number-key')).toEqual(['PERSONAL_NUMBER_KEY']);
    expect(keys('behorig-bankid')).toEqual(['BANKID_PASSPHRASE']);
    expect(keys('behorig-bankid-files')).toEqual(['ca.pem', 'rp.p12']);
    expect(keys('behorig-smtp')).toEqual(['SMTP_FROM', 'SMTP_URL']);
    // No default secrets: every example value is empty (the services refuse to start on them).
    for (const s of byKind('Secret')) for (const v of Object.values(s.data ?? {})) expect(v).toBe('');
    const secretsOf = (name: string) => one('Deployment', name).spec.template.spec.containers[0].envFrom.filter((e: any) => e.secretRef).map((e: any) => e.secretRef.name.replace(/-[a-z0-9]{10}$/, ''));
    // R-AUTH-4: no shared secret; each service its own key, reaching only that service.
    expect(byKind('Secret').some((s) => s.metadata.name.startsWith('behorig-internal-'))).toBe(false);
    for (const name of ['gateway', 'organisations', 'access', 'signing']) {
      expect(keys(`behorig-service-key-${name}`)).toEqual(['SERVICE_PRIVATE_JWK']);
      expect(secretsOf(name)).toContain(`behorig-service-key-${name}`);
      for (const other of ['gateway', 'organisations', 'access', 'signing'].filter((o) => o !== name)) expect(secretsOf(other)).not.toContain(`behorig-service-key-${name}`);
      const configs = one('Deployment', name).spec.template.spec.containers[0].envFrom.filter((e: any) => e.configMapRef).map((e: any) => e.configMapRef.name.replace(/-[a-z0-9]{10}$/, ''));
      expect(configs).toContain('behorig-service-public-keys');
    }
    expect(Object.keys(byKind('ConfigMap').find((c) => c.metadata.name.startsWith('behorig-service-public-keys-'))!.data ?? {})).toEqual(['SERVICE_PUBLIC_KEYS']);
    expect(secretsOf('signing')).toContain('behorig-signing-key');
    expect(secretsOf('access')).toContain('behorig-personal-number-key');
    for (const other of ['gateway', 'organisations', 'access']) expect(secretsOf(other)).not.toContain('behorig-signing-key');
    // Signing seals BankID signers' numbers at rest too.
    expect(secretsOf('signing')).toContain('behorig-personal-number-key');
    for (const other of ['gateway', 'organisations']) expect(secretsOf(other)).not.toContain('behorig-personal-number-key');
    // R-NOTE-1: only access sends mail (the digest).
    expect(secretsOf('access')).toContain('behorig-smtp');
    for (const other of ['gateway', 'organisations', 'signing']) expect(secretsOf(other)).not.toContain('behorig-smtp');
  });

  it('CloudNativePG example: a replicated cluster behind PgBouncer in transaction mode', () => {
    const cluster = one('Cluster', 'behorig-db');
    expect(cluster.apiVersion).toBe('postgresql.cnpg.io/v1');
    expect(cluster.spec.instances).toBeGreaterThanOrEqual(3);
    expect(cluster.spec.bootstrap.initdb).toMatchObject({ database: 'behorig', owner: 'behorig' });
    const pooler = one('Pooler', 'behorig-db-pooler-rw');
    expect(pooler.spec).toMatchObject({ cluster: { name: 'behorig-db' }, type: 'rw', pgbouncer: { poolMode: 'transaction' } });
  });

  it('every variable in the ConfigMap is documented in the README', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const k of Object.keys(one('ConfigMap', 'behorig-config').data!)) expect([k, readme.includes(`\`${k}\``)]).toEqual([k, true]);
  });
});
