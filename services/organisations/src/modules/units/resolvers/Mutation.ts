import type { MutationResolvers } from '../../../generated/resolvers-types';
import { addAddress, closeUnit, createUnit, removeAddress, renameUnit } from '../units.service';

export const Mutation: Pick<MutationResolvers, 'createUnit' | 'renameUnit' | 'addAddress' | 'removeAddress' | 'closeUnit'> = {
  createUnit: (_p, { input }, ctx) => createUnit(ctx, input),
  renameUnit: (_p, { id, name }, ctx) => renameUnit(ctx, id, name),
  addAddress: (_p, { unitId, input }, ctx) => addAddress(ctx, unitId, input),
  removeAddress: (_p, { id }, ctx) => removeAddress(ctx, id),
  closeUnit: (_p, { id }, ctx) => closeUnit(ctx, id),
};
