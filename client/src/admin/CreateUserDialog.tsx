/** Adds an account: username, optional display name, initial password and role. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, UserInfo } from '../../../shared/api.ts';
import { createUser } from '../api/users.ts';
import { FormDialog } from '../components/FormDialog.tsx';
import { FormField } from '../components/FormField.tsx';
import { PasswordInput, RoleSelect, ShowPassword, useFocusInvalid, userErrors, type FieldErrors } from './userForm.tsx';

export function CreateUserDialog({ onClose, onCreated }: { onClose(): void; onCreated(user: UserInfo): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ username: '', displayName: '', password: '', role: 'analyst' as Role });
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: FieldErrors; form: string | null }>({ fields: {}, form: null });
  const ref = useFocusInvalid(errors.fields);

  async function submit() {
    setBusy(true);
    try {
      const displayName = values.displayName.trim();
      const user = await createUser({ username: values.username.trim(), password: values.password, role: values.role, ...(displayName ? { displayName } : {}) });
      onCreated(user);
    } catch (err) {
      setErrors(userErrors(t, err));
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t('admin:addUser')}
      submitLabel={t('admin:create')}
      busyLabel={t('admin:saving')}
      cancelLabel={t('admin:cancel')}
      busy={busy}
      error={errors.form}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className="record-form" ref={ref}>
        <FormField label={t('admin:username')} hint={t('admin:usernameHint')} error={errors.fields.username}>
          {(control) => (
            <input {...control} type="text" autoComplete="off" autoCapitalize="none" spellCheck={false} value={values.username} onChange={(e) => setValues((v) => ({ ...v, username: e.target.value }))} />
          )}
        </FormField>
        <FormField label={t('admin:displayName')} hint={t('admin:displayNameHint')} error={errors.fields.displayName}>
          {(control) => <input {...control} type="text" autoComplete="off" value={values.displayName} onChange={(e) => setValues((v) => ({ ...v, displayName: e.target.value }))} />}
        </FormField>
        <FormField label={t('admin:initialPassword')} hint={t('admin:passwordHint')} error={errors.fields.password}>
          {(control) => <PasswordInput control={control} value={values.password} visible={showPassword} onChange={(password) => setValues((v) => ({ ...v, password }))} />}
        </FormField>
        <FormField label={t('admin:role')}>{(control) => <RoleSelect control={control} value={values.role} onChange={(role) => setValues((v) => ({ ...v, role }))} />}</FormField>
        <ShowPassword visible={showPassword} onChange={setShowPassword} />
      </div>
    </FormDialog>
  );
}
