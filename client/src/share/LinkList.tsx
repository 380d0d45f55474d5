/**
 * The deck's links, live ones first, newest first: label, who made it and when, expiry, status and the live
 * attendee count for its label. Revoked and expired links stay listed, greyed, so the
 * presenter can see what was handed out.
 */
import { useTranslation } from 'react-i18next';
import type { LinkInfo } from '../../../shared/api.ts';
import { formatDateTime } from '../format/time.ts';
import { currentLanguage } from '../i18n/index.ts';
import { linkStatus } from './linkStatus.ts';

export interface LinkListProps {
  links: LinkInfo[];
  now: number;
  counts: Record<string, number>;
  selected: string | null;
  onShow(link: LinkInfo): void;
  onRevoke(link: LinkInfo): void;
}

export function LinkList({ links, now, counts, selected, onShow, onRevoke }: LinkListProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  // Live links first (what the presenter hands out), then the record; newest first within each.
  const rank = (link: LinkInfo) => (linkStatus(link, now) === 'active' ? 0 : 1);
  const sorted = [...links].sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt));
  return (
    <ul className="share-links">
      {sorted.map((link) => {
        const status = linkStatus(link, now);
        const label = link.label || t('share:noLabel');
        const count = counts[link.label] ?? 0;
        return (
          <li key={link.token} className={`share-link share-link--${status}${selected === link.token ? ' share-link--selected' : ''}`}>
            <div className="share-link__head">
              <h4 className="share-link__label">{label}</h4>
              <span className={`share-link__status share-link__status--${status}`}>{t(`share:status.${status}`)}</span>
            </div>
            <dl className="share-link__meta">
              <div>
                <dt>{t('share:createdBy')}</dt>
                <dd>{link.createdBy?.name ?? t('share:unknownUser')}</dd>
              </div>
              <div>
                <dt>{t('share:createdAt')}</dt>
                <dd>
                  <time dateTime={link.createdAt}>{formatDateTime(link.createdAt, language)}</time>
                </dd>
              </div>
              <div>
                <dt>{t('share:expiresAt')}</dt>
                <dd>{link.expiresAt ? <time dateTime={link.expiresAt}>{formatDateTime(link.expiresAt, language)}</time> : t('share:never')}</dd>
              </div>
              {status === 'active' && (
                <div>
                  <dt>{t('share:attendees')}</dt>
                  <dd className="share-link__count">{count}</dd>
                </div>
              )}
            </dl>
            {status === 'active' && (
              <div className="share-link__actions">
                <button type="button" className="button button--small" aria-label={t('share:showLabel', { label })} aria-pressed={selected === link.token} onClick={() => onShow(link)}>
                  {t('share:show')}
                </button>
                <button type="button" className="button button--small button--danger" aria-label={t('share:revokeLabel', { label })} onClick={() => onRevoke(link)}>
                  {t('share:revoke')}
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
