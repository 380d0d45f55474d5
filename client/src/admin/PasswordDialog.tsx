/** Sets a new password for an account; the server ends that user's sessions. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserInfo } from '../../../shared/api.ts';
import { updateUser } from '../api/users.ts';
import { FormDialog } from '../components/FormDialog.tsx';
import { FormField } from '../components/FormField.tsx';
import { PasswordInput, ShowPassword, useFocusInvalid, userErrors, type FieldErrors } from './userForm.tsx';

export function PasswordDialog({ user, self, onClose, onSaved }: { user: UserInfo; self: boolean; onClose(): void; onSaved(user: UserInfo): void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: FieldErrors; form: string | null }>({ fields: {}, form: null });
  const ref = useFocusInvalid(errors.fields);

  async function submit() {
    setBusy(true);
    try {
      onSaved(await updateUser(user.id, { password }));
    } catch (err) {
      setErrors(userErrors(t, err));
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t('admin:resetTitle', { name: user.displayName })}
      description={self ? t('admin:resetSelfHint') : t('admin:resetHint', { name: user.displayName })}
      submitLabel={t('admin:setPassword')}
      busyLabel={t('admin:saving')}
      cancelLabel={t('admin:cancel')}
      busy={busy}
      error={errors.form}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className="record-form" ref={ref}>
        <FormField label={t('admin:newPassword')} hint={t('admin:passwordHint')} error={errors.fields.password}>
          {(control) => <PasswordInput control={control} value={password} visible={showPassword} onChange={setPassword} />}
        </FormField>
        <ShowPassword visible={showPassword} onChange={setShowPassword} />
      </div>
    </FormDialog>
  );
}
