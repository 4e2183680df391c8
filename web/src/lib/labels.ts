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
