/** The language picker in the header: a labelled select, persisted by setLanguage. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, LANGUAGES, setLanguage } from '../i18n/index.ts';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language:label')}</label>
      <select
        id={id}
        value={currentLanguage()}
        onChange={(event) => {
          const value = event.target.value;
          if (isLanguage(value)) void setLanguage(value);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language:${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
