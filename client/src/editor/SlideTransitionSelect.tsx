/**
 * "Transition" for the selected slide: how it comes on screen when presenting (reveal.js
 * transitions, SLIDE_TRANSITIONS). The first choice is the presenter's default; a viewer who
 * asked for reduced motion sees no motion whatever is chosen.
 */
import { useTranslation } from 'react-i18next';
import { SLIDE_TRANSITIONS, isSlideTransition, type SlideTransition } from '../../../shared/deckModel.ts';

export function SlideTransitionSelect({ value, disabled, onChange }: { value: SlideTransition | null; disabled: boolean; onChange(value: SlideTransition | null): void }) {
  const { t } = useTranslation();
  return (
    <label className="editor-toolbar__field">
      <span>{t('editor:transition.label')}</span>
      <select
        className="editor-toolbar__select"
        value={value ?? ''}
        disabled={disabled}
        onChange={(event) => onChange(isSlideTransition(event.target.value) ? event.target.value : null)}
      >
        <option value="">{t('editor:transition.default')}</option>
        {SLIDE_TRANSITIONS.map((name) => (
          <option key={name} value={name}>
            {t(`editor:transition.${name}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
