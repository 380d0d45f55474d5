/**
 * What the user dialogs share: the server's field errors in words, the role select, the
 * password input with its "show password" switch, and focus on the first invalid field.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Role } from '../../../shared/api.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError } from '../api/http.ts';
import { ROLES } from '../research/constants.ts';

export type FieldErrors = Partial<Record<'username' | 'displayName' | 'password' | 'role', string>>;

/** A user-facing message for each field the server named; the rest goes to the form. */
export function userErrors(t: TFunction, err: unknown): { fields: FieldErrors; form: string | null } {
  if (!isApiRequestError(err)) return { fields: {}, form: errorMessage(t, err) };
  const fields: FieldErrors = {};
  let form: string | null = null;
  for (const problem of err.fields) {
    if (problem.field === 'username') fields.username = err.error === 'exists' ? t('admin:errors.usernameTaken') : t('admin:errors.username');
    else if (problem.field === 'password') fields.password = t('admin:errors.password');
    else if (problem.field === 'displayName') fields.displayName = t('admin:errors.displayName');
    else if (problem.message === 'not for your own account') form = t('admin:errors.self');
    else form = errorMessage(t, err);
  }
  if (err.fields.length === 0) form = errorMessage(t, err);
  return { fields, form: form ?? (Object.keys(fields).length > 0 ? t('errors:validation') : null) };
}

export function RoleSelect({ value, onChange, disabled, control }: { value: Role; onChange(role: Role): void; disabled?: boolean; control: object }) {
  const { t } = useTranslation();
  return (
    <select {...control} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value === 'admin' ? 'admin' : 'analyst')}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`admin:roles.${role}`)}
        </option>
      ))}
    </select>
  );
}

export function PasswordInput({ control, value, visible, onChange }: { control: object; value: string; visible: boolean; onChange(value: string): void }) {
  return <input {...control} type={visible ? 'text' : 'password'} autoComplete="new-password" spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />;
}

/** Shows the password as plain text, so an admin can check what to pass on. */
export function ShowPassword({ visible, onChange }: { visible: boolean; onChange(visible: boolean): void }) {
  const { t } = useTranslation();
  return (
    <label className="checkbox">
      <input type="checkbox" checked={visible} onChange={(e) => onChange(e.target.checked)} />
      {t('admin:showPassword')}
    </label>
  );
}

export function useFocusInvalid(errors: FieldErrors) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return ref;
}
