import { useI18n } from '../i18n';
import { functionLabel, roleLabel } from '../lib/labels';

export interface MatrixRole {
  code: string;
  name: string;
  orgWideOnly?: boolean;
  grants: { function: string; access: 'READ' | 'UPDATE' }[];
}

/** The functions in first-seen order across the roles (the catalogue's own order). */
export function matrixFunctions(roles: MatrixRole[]): string[] {
  const seen: string[] = [];
  for (const r of roles) for (const g of r.grants) if (!seen.includes(g.function)) seen.push(g.function);
  return seen;
}

/** R-ROLE-2: roles as columns, functions as rows; ● update, ○ read (KA Webb, Bild 11). */
export function RoleMatrix({ roles, caption }: { roles: MatrixRole[]; caption: string }) {
  const { t, lang } = useI18n();
  const functions = matrixFunctions(roles);
  return (
    <div className="table-wrap">
      <table className="matrix">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roles.function')}</th>
            {roles.map((r) => (
              <th scope="col" key={r.code} title={r.orgWideOnly ? t('roles.orgWideOnly') : undefined}>{roleLabel(lang, r)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {functions.map((f) => (
            <tr key={f}>
              <th scope="row">{functionLabel(lang, f)}</th>
              {roles.map((r) => {
                const access = r.grants.find((g) => g.function === f)?.access;
                return (
                  <td key={r.code} className="cell">
                    {access === 'UPDATE' && <span aria-label={t('roles.update')} title={t('roles.update')}>●</span>}
                    {access === 'READ' && <span aria-label={t('roles.read')} title={t('roles.read')}>○</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
