/**
 * `/admin/users` (administrators only): the accounts, with add, edit (name and role), reset
 * password and disable / enable. Disabling or resetting a password ends that user's
 * sessions at once (the server does it). Each dialog is its own file in this folder.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserInfo } from '../../../shared/api.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { listUsers } from '../api/users.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { LoadingMessage } from '../components/LoadingMessage.tsx';
import { Notice, type NoticeData } from '../components/Notice.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { CreateUserDialog } from './CreateUserDialog.tsx';
import { EditUserDialog } from './EditUserDialog.tsx';
import { PasswordDialog } from './PasswordDialog.tsx';
import { ToggleDialog } from './ToggleDialog.tsx';
import '../styles/data.css';

type ListState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; users: UserInfo[] };
type Dialog = null | { mode: 'create' } | { mode: 'edit'; user: UserInfo } | { mode: 'password'; user: UserInfo } | { mode: 'toggle'; user: UserInfo };

let noticeCounter = 0;

export default function AdminUsersPage() {
  const { t } = useTranslation();
  const { state: auth } = useAuth();
  const isAdmin = auth.status === 'signed-in' && auth.user.role === 'admin';
  const me = auth.status === 'signed-in' ? auth.user : null;
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  useDocumentTitle(isAdmin ? t('admin:title') : t('admin:notAllowedTitle'));

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
        <h1>{t('admin:notAllowedTitle')}</h1>
        <p className="message message--error">{t('admin:notAllowed')}</p>
      </div>
    );
  }

  function replace(user: UserInfo) {
    setList((current) => (current.status === 'ready' ? { status: 'ready', users: current.users.map((u) => (u.id === user.id ? user : u)) } : current));
  }

  /** A dialog changed a user: close it, show the change in the list, and say so. */
  const saved = (message: (user: UserInfo) => string) => (user: UserInfo) => {
    setDialog(null);
    replace(user);
    show(message(user));
  };

  return (
    <div className="admin-page">
      <div className="page-head">
        <h1>{t('admin:title')}</h1>
        <button type="button" className="button button--primary" onClick={() => setDialog({ mode: 'create' })}>
          <span aria-hidden="true" className="button__plus">
            +
          </span>
          {t('admin:addUser')}
        </button>
      </div>
      <p className="page-hint">{t('admin:intro')}</p>

      <Notice notice={notice} onDismiss={() => setNotice(null)} />

      {list.status === 'loading' && <LoadingMessage />}
      {list.status === 'error' && (
        <div className="message message--error" role="alert">
          <p>
            {t('admin:loadFailed')} {errorMessage(t, list.error)}
          </p>
          <button type="button" className="button" onClick={() => setReloadKey((k) => k + 1)}>
            {t('admin:retry')}
          </button>
        </div>
      )}
      {list.status === 'ready' && (
        <TableWrap label={t('admin:caption', { count: list.users.length })} after={<p className="table-note">{t('admin:selfNote')}</p>}>
          <table className="data-table data-table--users">
            <caption>{t('admin:caption', { count: list.users.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin:name')}</th>
                <th scope="col">{t('admin:username')}</th>
                <th scope="col">{t('admin:role')}</th>
                <th scope="col">{t('admin:status')}</th>
                <th scope="col" className="data-table__actions">
                  {t('admin:actions')}
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
                      {self && <span className="self-mark"> {t('admin:you')}</span>}
                    </th>
                    <td>
                      <span className="mono">{user.username}</span>
                    </td>
                    <td>
                      <span className={`tag tag--role-${user.role}`}>{t(`admin:roles.${user.role}`)}</span>
                    </td>
                    <td>
                      <span className={`tag ${user.disabled ? 'tag--disabled' : 'tag--active'}`}>{user.disabled ? t('admin:disabled') : t('admin:active')}</span>
                    </td>
                    <td className="data-table__actions">
                      <div className="row-actions">
                        <button type="button" className="button button--small" aria-label={t('admin:editUser', { name: user.displayName })} onClick={() => setDialog({ mode: 'edit', user })}>
                          {t('admin:edit')}
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t('admin:resetPasswordFor', { name: user.displayName })}
                          onClick={() => setDialog({ mode: 'password', user })}
                        >
                          {t('admin:resetPassword')}
                        </button>
                        {!self && (
                          <button
                            type="button"
                            className={`button button--small${user.disabled ? '' : ' button--danger'}`}
                            aria-label={user.disabled ? t('admin:enableUser', { name: user.displayName }) : t('admin:disableUser', { name: user.displayName })}
                            onClick={() => setDialog({ mode: 'toggle', user })}
                          >
                            {user.disabled ? t('admin:enable') : t('admin:disable')}
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
            show(t('admin:created', { name: user.displayName }));
          }}
        />
      )}
      {dialog?.mode === 'edit' && (
        <EditUserDialog
          user={dialog.user}
          self={dialog.user.id === me?.id}
          onClose={() => setDialog(null)}
          onSaved={saved((user) => t('admin:saved', { name: user.displayName }))}
        />
      )}
      {dialog?.mode === 'password' && (
        <PasswordDialog
          user={dialog.user}
          self={dialog.user.id === me?.id}
          onClose={() => setDialog(null)}
          onSaved={saved((user) => t('admin:passwordReset', { name: user.displayName }))}
        />
      )}
      {dialog?.mode === 'toggle' && (
        <ToggleDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSaved={saved((user) => t(user.disabled ? 'admin:disabledDone' : 'admin:enabledDone', { name: user.displayName }))}
        />
      )}
    </div>
  );
}
