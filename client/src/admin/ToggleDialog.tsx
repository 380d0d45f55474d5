/** Confirms disabling (ends the user's sessions) or enabling an account. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserInfo } from '../../../shared/api.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { updateUser } from '../api/users.ts';
import { FormDialog } from '../components/FormDialog.tsx';
import { userErrors } from './userForm.tsx';

export function ToggleDialog({ user, onClose, onSaved }: { user: UserInfo; onClose(): void; onSaved(user: UserInfo): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const disabling = !user.disabled;
  const names = { name: user.displayName, username: user.username };

  async function submit() {
    setBusy(true);
    try {
      onSaved(await updateUser(user.id, { disabled: disabling }));
    } catch (err) {
      setError(userErrors(t, err).form ?? errorMessage(t, err));
      setBusy(false);
    }
  }

  return (
    <FormDialog
      tone={disabling ? 'danger' : 'default'}
      title={disabling ? t('admin:confirmDisableTitle') : t('admin:confirmEnableTitle')}
      description={disabling ? t('admin:confirmDisableText', names) : t('admin:confirmEnableText', names)}
      submitLabel={disabling ? t('admin:disable') : t('admin:enable')}
      busyLabel={t('admin:saving')}
      cancelLabel={t('admin:cancel')}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={onClose}
    />
  );
}
