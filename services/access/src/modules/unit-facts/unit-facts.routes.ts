import express, { type Express } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { requireServiceCredential, type ServiceCredentials } from '@behorig/kit/auth';
import { UnitFactsRefusal } from './rules/unit-facts.rules';
import { receiveUnitFacts } from './unit-facts.service';

/**
 * `POST /internal/unit-facts` (docs/architecture.md, "Unit facts"): the organisations service's
 * fact relay delivers here, with organisations' own service credential only (R-AUTH-4). 200 once
 * the well-formed facts and the permission index are committed, with `refused` naming each
 * malformed fact by its index in `facts` and why (the relay holds exactly those rows); 400 only
 * for a delivery without a list `facts` (nothing applied).
 */
export function unitFactRoutes(credentials: ServiceCredentials) {
  return (app: Express, orm: MikroORM) => {
    const guard = requireServiceCredential(credentials, ['organisations']);
    app.post('/internal/unit-facts', guard, express.json({ limit: '5mb' }), async (req, res, next) => {
      try {
        res.json(await receiveUnitFacts(orm.em.fork(), req.body));
      } catch (e) {
        if (e instanceof UnitFactsRefusal) return void res.status(400).json({ error: 'bad_unit_facts', message: e.message });
        next(e);
      }
    });
  };
}
