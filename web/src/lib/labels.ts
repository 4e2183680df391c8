import { dictionaries, type Lang, type MessageKey } from '../i18n';

/** Display name of a role-matrix function code; unknown codes (catalogue is data) show as-is. */
export function functionLabel(lang: Lang, code: string): string {
  const key = `fn.${code}` as MessageKey;
  return dictionaries[lang][key] ?? code;
}

export function systemLabel(lang: Lang, code: string): string {
  const key = `system.${code}` as MessageKey;
  return dictionaries[lang][key] ?? code;
}

/**
 * A role's display name in the chosen language. The catalogue is data (R-ROLE-1) and its names are
 * Swedish, so Swedish shows the server's name; English shows the client's translation when it
 * has one, else the server's name.
 */
export function roleLabel(lang: Lang, role: { code: string; name: string }): string {
  if (lang === 'sv') return role.name;
  return dictionaries.en[`role.${role.code}` as MessageKey] ?? role.name;
}
