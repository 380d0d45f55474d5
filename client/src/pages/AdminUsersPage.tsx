/**
 * `/admin/users` (administrators only): the accounts, with add, edit (name and role), reset
 * password and disable / enable. Disabling or resetting a password ends that user's
 * sessions at once (the server does it).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Role, UserInfo } from '../../../shared/api.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError } from '../api/http.ts';
import { createUser, listUsers, updateUser } from '../api/users.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { FormDialog } from '../components/FormDialog.tsx';
import { FormField } from '../components/FormField.tsx';
import { LoadingMessage } from '../components/LoadingMessage.tsx';
import { Notice, type NoticeData } from '../components/Notice.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { ROLES } from '../research/constants.ts';
import '../styles/data.css';

type ListState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; users: UserInfo[] };
type Dialog = null | { mode: 'create' } | { mode: 'edit'; user: UserInfo } | { mode: 'password'; user: UserInfo } | { mode: 'toggle'; user: UserInfo };
type FieldErrors = Partial<Record<'username' | 'displayName' | 'password' | 'role', string>>;

let noticeCounter = 0;

/** A user-facing message for each field the server named; the rest goes to the form. */
function userErrors(t: TFunction, err: unknown): { fields: FieldErrors; form: string | null } {
  if (!isApiRequestError(err)) return { fields: {}, form: errorMessage(t, err) };
  const fields: FieldErrors = {};
  let form: string | null = null;
  for (const problem of err.fields) {
    if (problem.field === 'username') fields.username = err.error === 'exists' ? t('admin.errors.usernameTaken') : t('admin.errors.username');
    else if (problem.field === 'password') fields.password = t('admin.errors.password');
    else if (problem.field === 'displayName') fields.displayName = t('admin.errors.displayName');
    else if (problem.message === 'not for your own account') form = t('admin.errors.self');
    else form = errorMessage(t, err);
  }
  if (err.fields.length === 0) form = errorMessage(t, err);
  return { fields, form: form ?? (Object.keys(fields).length > 0 ? t('errors.validation') : null) };
}

export default function AdminUsersPage() {
  const { t } = useTranslation();
  const { state: auth } = useAuth();
  const isAdmin = auth.status === 'signed-in' && auth.user.role === 'admin';
  const me = auth.status === 'signed-in' ? auth.user : null;
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  useDocumentTitle(isAdmin ? t('admin.title') : t('admin.notAllowedTitle'));

  useEffect(() => {
    if (!isAdmin) return;
    const controller = new AbortController();
    listUsers({ signal: controller.signal }).then(
      (users) => setList({ status: 'ready', users }),
      (error: unknown) => {
        if (!controller.signal.aborted) setList({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [isAdmin, reloadKey]);

  const show = useCallback((text: string) => setNotice({ id: ++noticeCounter, text }), []);

  if (!isAdmin) {
    return (
      <div className="admin-page admin-page--denied">
        <h1>{t('admin.notAllowedTitle')}</h1>
        <p className="message message--error">{t('admin.notAllowed')}</p>
      </div>
    );
  }

  function replace(user: UserInfo) {
    setList((current) => (current.status === 'ready' ? { status: 'ready', users: current.users.map((u) => (u.id === user.id ? user : u)) } : current));
  }

  return (
    <div className="admin-page">
      <div className="page-head">
        <h1>{t('admin.title')}</h1>
        <button type="button" className="button button--primary" onClick={() => setDialog({ mode: 'create' })}>
          <span aria-hidden="true" className="button__plus">
            +
          </span>
          {t('admin.addUser')}
        </button>
      </div>
      <p className="page-hint">{t('admin.intro')}</p>

      <Notice notice={notice} onDismiss={() => setNotice(null)} />

      {list.status === 'loading' && <LoadingMessage />}
      {list.status === 'error' && (
        <div className="message message--error" role="alert">
          <p>
            {t('admin.loadFailed')} {errorMessage(t, list.error)}
          </p>
          <button type="button" className="button" onClick={() => setReloadKey((k) => k + 1)}>
            {t('admin.retry')}
          </button>
        </div>
      )}
      {list.status === 'ready' && (
        <TableWrap label={t('admin.caption', { count: list.users.length })} after={<p className="table-note">{t('admin.selfNote')}</p>}>
          <table className="data-table data-table--users">
            <caption>{t('admin.caption', { count: list.users.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.name')}</th>
                <th scope="col">{t('admin.username')}</th>
                <th scope="col">{t('admin.role')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col" className="data-table__actions">
                  {t('admin.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.users.map((user) => {
                const self = user.id === me?.id;
                return (
                  <tr key={user.id} className={user.disabled ? 'data-table__row--muted' : undefined}>
                    <th scope="row">
                      {user.displayName}
                      {self && <span className="self-mark"> {t('admin.you')}</span>}
                    </th>
                    <td>
                      <span className="mono">{user.username}</span>
                    </td>
                    <td>
                      <span className={`tag tag--role-${user.role}`}>{t(`admin.roles.${user.role}`)}</span>
                    </td>
                    <td>
                      <span className={`tag ${user.disabled ? 'tag--disabled' : 'tag--active'}`}>{user.disabled ? t('admin.disabled') : t('admin.active')}</span>
                    </td>
                    <td className="data-table__actions">
                      <div className="row-actions">
                        <button type="button" className="button button--small" aria-label={t('admin.editUser', { name: user.displayName })} onClick={() => setDialog({ mode: 'edit', user })}>
                          {t('admin.edit')}
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t('admin.resetPasswordFor', { name: user.displayName })}
                          onClick={() => setDialog({ mode: 'password', user })}
                        >
                          {t('admin.resetPassword')}
                        </button>
                        {!self && (
                          <button
                            type="button"
                            className={`button button--small${user.disabled ? '' : ' button--danger'}`}
                            aria-label={user.disabled ? t('admin.enableUser', { name: user.displayName }) : t('admin.disableUser', { name: user.displayName })}
                            onClick={() => setDialog({ mode: 'toggle', user })}
                          >
                            {user.disabled ? t('admin.enable') : t('admin.disable')}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}

      {dialog?.mode === 'create' && (
        <CreateUserDialog
          onClose={() => setDialog(null)}
          onCreated={(user) => {
            setDialog(null);
            setList((current) => (current.status === 'ready' ? { status: 'ready', users: [...current.users, user].sort((a, b) => a.username.localeCompare(b.username)) } : current));
            show(t('admin.created', { name: user.displayName }));
          }}
        />
      )}
      {dialog?.mode === 'edit' && (
        <EditUserDialog
          user={dialog.user}
          self={dialog.user.id === me?.id}
          onClose={() => setDialog(null)}
          onSaved={(user) => {
            setDialog(null);
            replace(user);
            show(t('admin.saved', { name: user.displayName }));
          }}
        />
      )}
      {dialog?.mode === 'password' && (
        <PasswordDialog
          user={dialog.user}
          self={dialog.user.id === me?.id}
          onClose={() => setDialog(null)}
          onSaved={(user) => {
            setDialog(null);
            replace(user);
            show(t('admin.passwordReset', { name: user.displayName }));
          }}
        />
      )}
      {dialog?.mode === 'toggle' && (
        <ToggleDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSaved={(user) => {
            setDialog(null);
            replace(user);
            show(user.disabled ? t('admin.disabledDone', { name: user.displayName }) : t('admin.enabledDone', { name: user.displayName }));
          }}
        />
      )}
    </div>
  );
}

function RoleSelect({ value, onChange, disabled, control }: { value: Role; onChange(role: Role): void; disabled?: boolean; control: object }) {
  const { t } = useTranslation();
  return (
    <select {...control} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value === 'admin' ? 'admin' : 'analyst')}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`admin.roles.${role}`)}
        </option>
      ))}
    </select>
  );
}

function PasswordInput({ control, value, visible, onChange }: { control: object; value: string; visible: boolean; onChange(value: string): void }) {
  return <input {...control} type={visible ? 'text' : 'password'} autoComplete="new-password" spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />;
}

/** Shows the password as plain text, so an admin can check what to pass on. */
function ShowPassword({ visible, onChange }: { visible: boolean; onChange(visible: boolean): void }) {
  const { t } = useTranslation();
  return (
    <label className="checkbox">
      <input type="checkbox" checked={visible} onChange={(e) => onChange(e.target.checked)} />
      {t('admin.showPassword')}
    </label>
  );
}

function useFocusInvalid(errors: FieldErrors) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return ref;
}

function CreateUserDialog({ onClose, onCreated }: { onClose(): void; onCreated(user: UserInfo): void }) {
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
      title={t('admin.addUser')}
      submitLabel={t('admin.create')}
      busyLabel={t('admin.saving')}
      cancelLabel={t('admin.cancel')}
      busy={busy}
      error={errors.form}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className="record-form" ref={ref}>
        <FormField label={t('admin.username')} hint={t('admin.usernameHint')} error={errors.fields.username}>
          {(control) => (
            <input {...control} type="text" autoComplete="off" autoCapitalize="none" spellCheck={false} value={values.username} onChange={(e) => setValues((v) => ({ ...v, username: e.target.value }))} />
          )}
        </FormField>
        <FormField label={t('admin.displayName')} hint={t('admin.displayNameHint')} error={errors.fields.displayName}>
          {(control) => <input {...control} type="text" autoComplete="off" value={values.displayName} onChange={(e) => setValues((v) => ({ ...v, displayName: e.target.value }))} />}
        </FormField>
        <FormField label={t('admin.initialPassword')} hint={t('admin.passwordHint')} error={errors.fields.password}>
          {(control) => <PasswordInput control={control} value={values.password} visible={showPassword} onChange={(password) => setValues((v) => ({ ...v, password }))} />}
        </FormField>
        <FormField label={t('admin.role')}>{(control) => <RoleSelect control={control} value={values.role} onChange={(role) => setValues((v) => ({ ...v, role }))} />}</FormField>
        <ShowPassword visible={showPassword} onChange={setShowPassword} />
      </div>
    </FormDialog>
  );
}

function EditUserDialog({ user, self, onClose, onSaved }: { user: UserInfo; self: boolean; onClose(): void; onSaved(user: UserInfo): void }) {
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
      title={t('admin.editTitle')}
      description={`${user.displayName} (${user.username})`}
      submitLabel={t('admin.save')}
      busyLabel={t('admin.saving')}
      cancelLabel={t('admin.cancel')}
      busy={busy}
      error={errors.form}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className="record-form" ref={ref}>
        <FormField label={t('admin.displayName')} error={errors.fields.displayName}>
          {(control) => <input {...control} type="text" autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
        </FormField>
        <FormField label={t('admin.role')} hint={self ? t('admin.selfNote') : undefined}>
          {(control) => <RoleSelect control={control} value={role} disabled={self} onChange={setRole} />}
        </FormField>
      </div>
    </FormDialog>
  );
}

function PasswordDialog({ user, self, onClose, onSaved }: { user: UserInfo; self: boolean; onClose(): void; onSaved(user: UserInfo): void }) {
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
      title={t('admin.resetTitle', { name: user.displayName })}
      description={self ? t('admin.resetSelfHint') : t('admin.resetHint', { name: user.displayName })}
      submitLabel={t('admin.setPassword')}
      busyLabel={t('admin.saving')}
      cancelLabel={t('admin.cancel')}
      busy={busy}
      error={errors.form}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className="record-form" ref={ref}>
        <FormField label={t('admin.newPassword')} hint={t('admin.passwordHint')} error={errors.fields.password}>
          {(control) => <PasswordInput control={control} value={password} visible={showPassword} onChange={setPassword} />}
        </FormField>
        <ShowPassword visible={showPassword} onChange={setShowPassword} />
      </div>
    </FormDialog>
  );
}

function ToggleDialog({ user, onClose, onSaved }: { user: UserInfo; onClose(): void; onSaved(user: UserInfo): void }) {
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
      title={disabling ? t('admin.confirmDisableTitle') : t('admin.confirmEnableTitle')}
      description={disabling ? t('admin.confirmDisableText', names) : t('admin.confirmEnableText', names)}
      submitLabel={disabling ? t('admin.disable') : t('admin.enable')}
      busyLabel={t('admin.saving')}
      cancelLabel={t('admin.cancel')}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={onClose}
    />
  );
}
