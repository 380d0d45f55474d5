/** Edits an account's display name and role (not your own role: the server refuses it). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, UserInfo } from '../../../shared/api.ts';
import { updateUser } from '../api/users.ts';
import { FormDialog } from '../components/FormDialog.tsx';
import { FormField } from '../components/FormField.tsx';
import { RoleSelect, useFocusInvalid, userErrors, type FieldErrors } from './userForm.tsx';

export function EditUserDialog({ user, self, onClose, onSaved }: { user: UserInfo; self: boolean; onClose(): void; onSaved(user: UserInfo): void }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: FieldErrors; form: string | null }>({ fields: {}, form: null });
  const ref = useFocusInvalid(errors.fields);

  async function submit() {
    setBusy(true);
    try {
      onSaved(await updateUser(user.id, { displayName: displayName.trim(), ...(self ? {} : { role }) }));
    } catch (err) {
      setErrors(userErrors(t, err));
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t('admin:editTitle')}
      description={`${user.displayName} (${user.username})`}
      submitLabel={t('admin:save')}
      busyLabel={t('admin:saving')}
      cancelLabel={t('admin:cancel')}
      busy={busy}
      error={errors.form}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className="record-form" ref={ref}>
        <FormField label={t('admin:displayName')} error={errors.fields.displayName}>
          {(control) => <input {...control} type="text" autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
        </FormField>
        <FormField label={t('admin:role')} hint={self ? t('admin:selfNote') : undefined}>
          {(control) => <RoleSelect control={control} value={role} disabled={self} onChange={setRole} />}
        </FormField>
      </div>
    </FormDialog>
  );
}
