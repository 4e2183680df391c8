import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { GraphQLError } from 'graphql';
import { badInput, conflict, forbidden, notFound, refuse, toBadInput, unauthenticated, withReason } from './errors';
import { REASONS, REASON_NAMES, genericReason, isReason } from './reasons';
import { ValidationError } from './validation-error';

const ROOT = resolve(__dirname, '../../..');

describe('the reason catalogue', () => {
  it('names every reason in UPPER_SNAKE with a code and a meaning', () => {
    expect(REASON_NAMES.length).toBeGreaterThan(50);
    for (const name of REASON_NAMES) {
      expect(name).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(REASONS[name].code).toMatch(/^[A-Z_]+$/);
      expect(REASONS[name].meaning.length).toBeGreaterThan(5);
    }
  });

  it('gives every contract code a generic reason of that code', () => {
    for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'SERVICE_UNAVAILABLE'] as const) {
      expect(REASONS[genericReason(code)].code).toBe(code);
    }
    expect(genericReason('SOMETHING_NEW')).toBe('INTERNAL_ERROR');
    expect(genericReason(undefined)).toBe('INTERNAL_ERROR');
  });

  it('the helpers put code, reason and field on the error', () => {
    expect(refuse('NOT_A_DRAFT', 'x').extensions).toEqual({ code: 'CONFLICT', reason: 'NOT_A_DRAFT' });
    expect(refuse('END_DATE_AFTER_NEXT_YEAR', 'x', { field: 'input.validTo' }).extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'END_DATE_AFTER_NEXT_YEAR', field: 'input.validTo' });
    expect(forbidden().extensions).toEqual({ code: 'FORBIDDEN', reason: 'NOT_PERMITTED' });
    expect(forbidden('x', 'MANAGE_USERS_REQUIRED').extensions.reason).toBe('MANAGE_USERS_REQUIRED');
    expect(badInput('f', 'x').extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'f' });
    expect(notFound('x', 'UNIT_NOT_FOUND').extensions).toEqual({ code: 'NOT_FOUND', reason: 'UNIT_NOT_FOUND' });
    expect(conflict('x').extensions.reason).toBe('CONFLICT');
    expect(unauthenticated().extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_SIGNED_IN' });
    expect(toBadInput(new ValidationError('input.validTo', 'x', 'ADMINISTRATOR_NEEDS_NO_END_DATE')).extensions).toEqual({
      code: 'BAD_USER_INPUT', reason: 'ADMINISTRATOR_NEEDS_NO_END_DATE', field: 'input.validTo',
    });
  });

  it('error formatting adds the generic reason where none (or an unknown one) is given', () => {
    expect(withReason({ message: 'x', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'INVALID_QUERY' });
    expect(withReason<{ message: string; extensions?: Record<string, unknown> }>({ message: 'x' }).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL_ERROR' });
    expect(withReason({ message: 'x', extensions: { code: 'FORBIDDEN', reason: 'made_up' } }).extensions?.reason).toBe('NOT_PERMITTED');
    expect(withReason({ message: 'x', extensions: { code: 'CONFLICT', reason: 'NOT_A_DRAFT' } }).extensions?.reason).toBe('NOT_A_DRAFT');
    expect(isReason('toString')).toBe(false);
  });
});

/** Production sources of the services and the gateway (no tests, no generated code). */
function sources(): string[] {
  const roots = ['services/kit/src', 'services/organisations/src', 'services/access/src', 'services/signing/src', 'gateway/src'].map((r) => join(ROOT, r));
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'generated' && name !== 'migrations' && name !== 'test') walk(path);
      } else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') && name !== 'test-helpers.ts' && name !== 'testing.ts') {
        out.push(path);
      }
    }
  };
  roots.forEach(walk);
  return out;
}

/** The kit helpers (and domain error classes) whose string arguments may be a reason. */
const THROWERS = new Set(['unauthenticated', 'forbidden', 'badInput', 'notFound', 'conflict', 'serviceUnavailable', 'refuse', 'ValidationError', 'ForbiddenRuleError', 'ConflictRuleError']);
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]{4,}$/;

interface Finding { reason: string; where: string }

/**
 * How many arguments a call needs for its reason to be given explicitly (the reason is the last
 * one). `unauthenticated()` is exempt: its default, NOT_SIGNED_IN, is the specific reason.
 */
const ARITY_WITH_REASON: Record<string, number> = {
  forbidden: 2, badInput: 3, notFound: 2, conflict: 2, serviceUnavailable: 2, refuse: 1,
  ValidationError: 3, ForbiddenRuleError: 3, ConflictRuleError: 3,
};

function scan(file: string): { reasons: Finding[]; rawErrorsWithoutReason: string[]; withoutReason: string[] } {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const reasons: Finding[] = [];
  const rawErrorsWithoutReason: string[] = [];
  const withoutReason: string[] = [];
  const where = (n: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const calleeName = (e: ts.Expression) => (ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : '');
  const visit = (n: ts.Node) => {
    if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && THROWERS.has(calleeName(n.expression))) {
      for (const a of n.arguments ?? []) if (ts.isStringLiteralLike(a) && UPPER_SNAKE.test(a.text)) reasons.push({ reason: a.text, where: where(a) });
      const needed = ARITY_WITH_REASON[calleeName(n.expression)];
      const isDefinition = relative(ROOT, file).endsWith('kit/src/errors.ts');
      if (needed !== undefined && !isDefinition && (n.arguments?.length ?? 0) < needed) withoutReason.push(`${where(n)} ${n.getText(sf).slice(0, 80)}`);
    }
    // `reason: '…'` inside an `extensions: { … }` literal (checkAccess's own `reason` field is no error).
    const inExtensions = (p: ts.Node) => ts.isObjectLiteralExpression(p.parent) && ts.isPropertyAssignment(p.parent.parent) && p.parent.parent.name.getText(sf) === 'extensions';
    if (ts.isPropertyAssignment(n) && n.name.getText(sf) === 'reason' && ts.isStringLiteralLike(n.initializer) && inExtensions(n)) {
      reasons.push({ reason: n.initializer.text, where: where(n) });
    }
    if (ts.isNewExpression(n) && calleeName(n.expression) === 'GraphQLError' && !relative(ROOT, file).endsWith('kit/src/errors.ts')) {
      if (!/\breason\b/.test(n.getText(sf))) rawErrorsWithoutReason.push(where(n));
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { reasons, rawErrorsWithoutReason, withoutReason };
}

describe('the services throw only catalogued reasons (static, over their source)', () => {
  const files = sources();
  const results = files.map(scan);

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('every reason literal thrown is in the catalogue', () => {
    const unknown = results.flatMap((r) => r.reasons).filter((f) => !isReason(f.reason));
    expect(unknown).toEqual([]);
  });

  it('every GraphQLError built outside the kit helpers carries a reason', () => {
    expect(results.flatMap((r) => r.rawErrorsWithoutReason)).toEqual([]);
  });

  it('every refusal names a specific reason (the code\'s generic one is only the safety net)', () => {
    expect(results.flatMap((r) => r.withoutReason)).toEqual([]);
  });

  it('the scan sees real reasons (it is not vacuous)', () => {
    expect(results.flatMap((r) => r.reasons).length).toBeGreaterThan(5);
  });

});
