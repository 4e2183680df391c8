import { conflict, notFound } from '@behorig/kit/errors';
import type { CreateServiceInput } from '../../generated/resolvers-types';
import type { Context } from '../../context';
import { requiredText } from '../shared/rules/text.rules';
import { parseServiceCode } from './rules/catalogue.rules';
import { validated } from '../shared/validated';
import type { ServiceRow } from './catalogue.store';

/** R-ORG-2: the authority adds a service to the catalogue, once per code. */
export async function createService(ctx: Context, input: CreateServiceInput): Promise<ServiceRow> {
  const who = ctx.policy.changeCatalogue('add services to the catalogue');
  const data = validated(() => ({ code: parseServiceCode(input.code, 'code'), name: requiredText(input.name, 'name', 'The name') }));
  if (await ctx.stores.catalogue.serviceExists(data.code)) throw conflict(`The service ${data.code} already exists.`, 'SERVICE_EXISTS');
  return ctx.transaction(async (tx) => {
    const service = await tx.stores.catalogue.insertService(data);
    await tx.audit(who, { organisationId: null, action: 'service.created', target: `Service:${data.code}`, after: data });
    return service;
  });
}

/** R-ORG-2: the authority renames a service; its code never changes. */
export async function changeService(ctx: Context, code: string, name: string): Promise<ServiceRow> {
  const who = ctx.policy.changeCatalogue('change the service catalogue');
  const newName = validated(() => requiredText(name, 'name', 'The name'));
  return ctx.transaction(async (tx) => {
    const service = await tx.stores.catalogue.serviceForUpdate(code);
    if (!service) throw notFound(`There is no service ${code}.`, 'SERVICE_NOT_FOUND');
    const renamed = await tx.stores.catalogue.renameService(code, newName);
    await tx.audit(who, { organisationId: null, action: 'service.changed', target: `Service:${code}`, before: { code, name: service.name }, after: { code, name: newName } });
    return renamed;
  });
}
