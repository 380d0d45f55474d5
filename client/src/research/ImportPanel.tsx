/**
 * CSV import for one collection: pick a file, see its rows checked by the server (a dry run)
 * with every row's problems beside its number, then import all rows at once. A file with
 * any bad row imports nothing.
 */
import Papa from 'papaparse';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRowError } from '../../../shared/research.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError } from '../api/http.ts';
import { checkImport, commitImport, importRowErrors, type ResearchDraft } from '../api/research.ts';
import { TableWrap } from '../components/TableWrap.tsx';
import { csvColumn, csvColumns, displayValue, type CollectionView, type DisplayContext } from './collections.ts';
import { fieldErrorText } from './fieldErrors.ts';
import { MAX_CSV_BYTES } from '../../../shared/limits.ts';


/** The file's text: UTF-8, or Windows-1252 as older Excel versions save "CSV" in Dutch Windows. */
async function readText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
const PREVIEW_ROWS = 50;

interface ParsedFile {
  name: string;
  csv: string;
  columns: string[];
  rows: Record<string, string>[];
}

type Check =
  | { status: 'idle' }
  | { status: 'checking'; file: ParsedFile }
  | { status: 'valid'; file: ParsedFile; records: ResearchDraft[] }
  | { status: 'invalid'; file: ParsedFile; rows: ImportRowError[] }
  | { status: 'failed'; file: ParsedFile | null; message: string }
  | { status: 'importing'; file: ParsedFile; records: ResearchDraft[] };

export interface ImportPanelProps {
  view: CollectionView;
  section: string;
  ctx: DisplayContext;
  onImported(count: number): void;
  onClose(): void;
}

export function ImportPanel({ view, section, ctx, onImported, onClose }: ImportPanelProps) {
  const { t } = useTranslation();
  const ids = { heading: useId(), file: useId(), help: useId() };
  const [check, setCheck] = useState<Check>({ status: 'idle' });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const request = useRef(0);
  const columns = csvColumns(view.name);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function failure(err: unknown): string {
    if (isApiRequestError(err) && err.status === 400 && err.error === 'validation' && err.fields.some((f) => f.message === 'missing column')) {
      const missing = err.fields.filter((f) => f.message === 'missing column').map((f) => f.field);
      return t('research:import.missingColumns', { columns: missing.join(', '), expected: columns.all.join(', ') });
    }
    if (isApiRequestError(err) && err.status === 413) return t('research:import.tooLarge');
    return errorMessage(t, err);
  }

  async function onFile(file: File | undefined) {
    const mine = ++request.current;
    if (!file) {
      setCheck({ status: 'idle' });
      return;
    }
    if (file.size > MAX_CSV_BYTES) {
      setCheck({ status: 'failed', file: null, message: t('research:import.tooLarge') });
      return;
    }
    let csv: string;
    try {
      csv = await readText(file);
    } catch {
      setCheck({ status: 'failed', file: null, message: t('research:import.unreadable') });
      return;
    }
    // The same parse options as the server, so row numbers agree.
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
    const parsedFile: ParsedFile = { name: file.name, csv, columns: parsed.meta.fields ?? [], rows: parsed.data };
    setCheck({ status: 'checking', file: parsedFile });
    try {
      const result = await checkImport(view.name, csv);
      if (mine === request.current) setCheck({ status: 'valid', file: parsedFile, records: result.records });
    } catch (err) {
      if (mine !== request.current) return;
      const rows = importRowErrors(err);
      setCheck(rows ? { status: 'invalid', file: parsedFile, rows } : { status: 'failed', file: parsedFile, message: failure(err) });
    }
  }

  async function onConfirm() {
    if (check.status !== 'valid') return;
    const { file, records } = check;
    setCheck({ status: 'importing', file, records });
    try {
      const result = await commitImport(view.name, file.csv);
      onImported(result.imported);
    } catch (err) {
      const rows = importRowErrors(err);
      setCheck(rows ? { status: 'invalid', file, rows } : { status: 'failed', file, message: failure(err) });
    }
  }

  const enumHelp = view.fields.flatMap((field) =>
    field.kind.type === 'enum' ? [t('research:import.codes', { column: csvColumn(view.name, field.name), values: field.kind.values.join(', ') })] : [],
  );
  const hasOrganisation = view.fields.some((f) => f.kind.type === 'organisation');
  const badRows = check.status === 'invalid' ? check.rows.filter((r) => r.row > 0).length : 0;

  return (
    <section className="import-panel" aria-labelledby={ids.heading}>
      <h3 id={ids.heading} ref={headingRef} tabIndex={-1}>
        {t('research:import.title', { section })}
      </h3>
      <div className="import-panel__help" id={ids.help}>
        <p>
          {t('research:import.columns', { columns: columns.all.join(', ') })}
          {columns.optional.length > 0 && ` ${t('research:import.optional', { columns: columns.optional.join(', ') })}`}
        </p>
        {(enumHelp.length > 0 || hasOrganisation) && (
          <ul>
            {enumHelp.map((line) => (
              <li key={line}>{line}</li>
            ))}
            {hasOrganisation && <li>{t('research:import.organisationByName')}</li>}
          </ul>
        )}
      </div>
      <div className="field import-panel__file">
        <label htmlFor={ids.file}>{t('research:import.file')}</label>
        <input
          id={ids.file}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={ids.help}
          disabled={check.status === 'checking' || check.status === 'importing'}
          onChange={(event) => {
            const input = event.currentTarget;
            void onFile(input.files?.[0]).finally(() => {
              // Choosing the same (corrected) file again must check it again.
              input.value = '';
            });
          }}
        />
      </div>

      <div className="import-panel__status" role="status">
        {check.status === 'checking' && <p className="loading">{t('research:import.checking')}</p>}
        {(check.status === 'valid' || check.status === 'importing') && (
          <p className="message message--success">{t('research:import.valid', { count: check.records.length })}</p>
        )}
        {check.status === 'invalid' && (
          <div className="message message--error">
            {badRows > 0 && <p>{t('research:import.invalid', { count: badRows })}</p>}
            {check.rows
              .filter((r) => r.row === 0)
              .map((r) => (
                <p key="file">{r.errors.some((e) => e.message === 'no rows to import') ? t('research:import.noRows') : r.errors.map((e) => e.message).join(' ')}</p>
              ))}
          </div>
        )}
        {check.status === 'failed' && <p className="message message--error">{check.message}</p>}
      </div>

      {check.status === 'invalid' && badRows > 0 && <InvalidPreview view={view} file={check.file} rows={check.rows} />}
      {(check.status === 'valid' || check.status === 'importing') && <ValidPreview view={view} file={check.file} records={check.records} ctx={ctx} />}

      <div className="import-panel__actions">
        {(check.status === 'valid' || check.status === 'importing') && (
          <button type="button" className="button button--primary" aria-disabled={check.status === 'importing' || undefined} onClick={() => void onConfirm()}>
            {check.status === 'importing' ? t('research:import.importing') : t('research:import.confirm', { count: check.records.length })}
          </button>
        )}
        <button type="button" className="button" onClick={onClose} disabled={check.status === 'importing'}>
          {t('research:import.cancel')}
        </button>
      </div>
    </section>
  );
}

function ValidPreview({ view, file, records, ctx }: { view: CollectionView; file: ParsedFile; records: ResearchDraft[]; ctx: DisplayContext }) {
  const { t } = useTranslation();
  const shown = records.slice(0, PREVIEW_ROWS);
  const caption = t('research:import.previewCaption', { file: file.name });
  return (
    <TableWrap
      label={caption}
      after={records.length > shown.length && <p className="table-note">{t('research:import.moreRows', { shown: shown.length, total: records.length })}</p>}
    >
      <table className="data-table data-table--preview">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="data-table__num">
              {t('research:import.row')}
            </th>
            {view.fields.map((field) => (
              <th key={field.name} scope="col">
                {field.label(t)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((record, index) => (
            <tr key={record.id}>
              <th scope="row" className="data-table__num">
                {index + 1}
              </th>
              {view.fields.map((field) => (
                <td key={field.name}>{displayValue(field, record[field.name], ctx)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function InvalidPreview({ view, file, rows }: { view: CollectionView; file: ParsedFile; rows: ImportRowError[] }) {
  const { t } = useTranslation();
  const errorsByRow = new Map(rows.filter((r) => r.row > 0).map((r) => [r.row, r.errors]));
  const errorRows = [...errorsByRow.keys()].sort((a, b) => a - b);
  // Every row of a short file (and any row the server numbered beyond it); of a long file, the rows with problems.
  const numbers =
    file.rows.length <= PREVIEW_ROWS
      ? [...new Set([...file.rows.map((_, i) => i + 1), ...errorRows])].sort((a, b) => a - b)
      : errorRows.slice(0, PREVIEW_ROWS * 4);
  const total = Math.max(file.rows.length, ...errorsByRow.keys());
  const caption = t('research:import.previewCaption', { file: file.name });

  return (
    <TableWrap label={caption} after={numbers.length < total && <p className="table-note">{t('research:import.moreRows', { shown: numbers.length, total })}</p>}>
      <table className="data-table data-table--preview">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="data-table__num">
              {t('research:import.row')}
            </th>
            {file.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            <th scope="col">{t('research:import.check')}</th>
          </tr>
        </thead>
        <tbody>
          {numbers.map((number) => {
            const raw = file.rows[number - 1] ?? {};
            const problems = errorsByRow.get(number);
            return (
              <tr key={number} className={problems ? 'data-table__row--error' : undefined}>
                <th scope="row" className="data-table__num">
                  {number}
                </th>
                {file.columns.map((column) => (
                  <td key={column}>{raw[column] ?? ''}</td>
                ))}
                <td className="import-check">
                  {problems ? (
                    <ul className="import-check__errors">
                      {problems.map((problem, i) => (
                        <li key={i}>
                          {problem.field === '(row)' ? (
                            t('research:import.unparseable', { message: problem.message })
                          ) : (
                            <>
                              <span className="import-check__column">{problem.field}</span>: {fieldErrorText(t, view.name, problem.field, problem.message, 'csv')}
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="import-check__ok">{t('research:import.ok')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
