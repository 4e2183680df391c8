import { useI18n, type Lang } from '../i18n';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <label className="lang">
      <span>{t('app.language')}</span>
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        <option value="sv" lang="sv">Svenska</option>
        <option value="en" lang="en">English</option>
      </select>
    </label>
  );
}
