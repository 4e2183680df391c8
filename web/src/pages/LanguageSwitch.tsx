import { dictionaries, useI18n, type Lang } from '../i18n';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <label className="lang">
      <span>{t('app.language')}</span>
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        <option value="sv" lang="sv">{dictionaries.sv['app.languageName']}</option>
        <option value="en" lang="en">{dictionaries.en['app.languageName']}</option>
      </select>
    </label>
  );
}
