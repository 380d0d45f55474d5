/**
 * Read-only rendering of a slide's content tree (see slideTree.ts) as React elements, with
 * the same element structure ProseMirror produces, so one stylesheet lays out the canvas
 * and the thumbnails. Only known node names become their elements; text is always text;
 * links and images pass the checks in safeUrl.ts. There is no HTML parsing anywhere here.
 */
import type { TFunction } from 'i18next';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { frozenReason } from '../../../shared/chartBlock.ts';
import { readChartOptions } from '../../../shared/chartOptions.ts';
import type { DeckLanguage } from '../../../shared/deckModel.ts';
import { statDefinition } from '../../../shared/statsCatalogue.ts';
import { LazyChartView as ChartView } from '../charts/LazyChartView.tsx';
import { useDeckLanguage } from '../deck/DeckLanguage.tsx';
import { languageClass } from '../format/codeLanguage.ts';
import { fontSize, highlight, lineSpacing, textAlign, textColour } from '../../../shared/textFormat.ts';
import { isUploadedImage, safeHref, safeImageSrc } from './safeUrl.ts';
import { imageFit, mediaAlign, mediaWidth } from '../../../shared/mediaSize.ts';
import { chartBoxProps, setNaturalWidth } from './mediaStyle.ts';
import { isStepList } from '../../../shared/stepReveal.ts';
import { ListItem } from './StepItems.tsx';
import { treeText, type SlideNode } from './slideTree.ts';

/** The highlighter and its grammars load with the first code block a page shows. */
const HighlightedCode = lazy(() =>
  import('../format/HighlightedCode.tsx').catch(() => ({
    // The chunk did not arrive (offline, a deploy in between): the code, unhighlighted.
    default: ({ code, language }: { code: string; language: unknown }) => <code className={languageClass(language) ?? undefined}>{code}</code>,
  })),
);

/**
 * Every node name this renderer draws as itself. The editor's schema must not hold a node
 * that is missing here (editorSchema.test.ts checks): anything else is drawn as a bare
 * `<div data-unknown-node>` keeping only its text.
 */
export const RENDERED_NODES = [
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'horizontalRule',
  'hardBreak',
  'codeBlock',
  'image',
  'table',
  'tableRow',
  'tableCell',
  'tableHeader',
  'chart',
] as const;

/** Every mark this renderer draws (see slideTree.ts TextMarks). */
export const RENDERED_MARKS = ['bold', 'italic', 'underline', 'strike', 'code', 'link', 'fontSize', 'textColor', 'highlight'] as const;

export interface SlideContentViewProps {
  nodes: SlideNode[];
  /** Thumbnails are not interactive: links render as styled text, never as anchors. */
  interactive?: boolean;
}

const int = (value: unknown, fallback: number, min: number, max: number): number => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

/** A number is cheap and is the point of a big-number slide: show it live. Plots get a stand-in. */
function ChartPreview({ attrs }: { attrs: Record<string, unknown> }) {
  const statKey = typeof attrs.statKey === 'string' ? attrs.statKey : '';
  const view = typeof attrs.view === 'string' ? attrs.view : 'bar';
  if (view === 'number' && statDefinition(statKey)) {
    const frozenValue = typeof attrs.frozenValue === 'string' ? attrs.frozenValue : null;
    return (
      <div className="node-chart" data-type="chart" {...chartBoxProps(attrs)}>
        <ChartView
          statKey={statKey}
          view="number"
          frozenValue={frozenValue}
          frozenAt={frozenValue && typeof attrs.frozenAt === 'string' ? attrs.frozenAt : null}
          frozenReason={frozenValue ? frozenReason(attrs.frozenReason) : null}
          options={readChartOptions(attrs)}
        />
      </div>
    );
  }
  return <ChartPlaceholder statKey={statKey} view={view} attrs={attrs} />;
}

/** The renderer's own words on a slide, in the deck's language (the editor namespace). */
function useSlideWords(): { language: DeckLanguage; t: TFunction<'editor'> } {
  const language = useDeckLanguage();
  const { i18n } = useTranslation();
  return { language, t: i18n.getFixedT(language, 'editor') };
}

function ChartPlaceholder({ statKey, view, attrs }: { statKey: string; view: string; attrs: Record<string, unknown> }) {
  const { language, t } = useSlideWords();
  const definition = statDefinition(statKey);
  const name = definition ? definition.label[language] : statKey;
  return (
    <div className={`node-chart chart-placeholder chart-placeholder--${view}`} data-type="chart" {...chartBoxProps(attrs)}>
      <span className="chart-placeholder__bars" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <span className="chart-placeholder__label">{t('chartPlaceholder', { name })}</span>
    </div>
  );
}

/** Plain until the highlighter has loaded, then highlighted: the same element either way (`pre.code-block > code`), as the editor draws it. */
function CodeBlock({ code, language }: { code: string; language: unknown }) {
  return (
    <pre className="code-block">
      <Suspense
        fallback={
          <code className={languageClass(language) ?? undefined} data-highlight-pending="">
            {code}
          </code>
        }
      >
        <HighlightedCode code={code} language={language} />
      </Suspense>
    </pre>
  );
}

/**
 * An image from another site: the page's Content-Security-Policy does not load it, so it is
 * shown as a box with its description and address (as the editor's image node view does).
 */
function RemoteImage({ src, alt, interactive }: { src: string; alt: string; interactive: boolean }) {
  const { t } = useSlideWords();
  const href = interactive ? safeHref(src) : null;
  return (
    <figure className="image-remote" data-remote-image="">
      <span className="image-remote__title">{t('remoteImage.notShown')}</span>
      <span className="image-remote__alt">{alt ? t('remoteImage.alt', { alt }) : t('remoteImage.noAlt')}</span>
      {href ? (
        <a className="image-remote__url" href={href} target="_blank" rel="noopener noreferrer nofollow">
          {src}
        </a>
      ) : (
        <span className="image-remote__url">{src}</span>
      )}
    </figure>
  );
}

/**
 * An image in the structure the editor's node view draws (imageNode.ts): `div.node-image` with
 * its alignment and fit, the frame with its width (a share of the column) or, without one, the
 * picture's natural width on the 1280-px slide.
 */
function MediaImage({ attrs, children }: { attrs: Record<string, unknown>; children: ReactNode }) {
  const width = mediaWidth(attrs.width);
  const fit = imageFit(attrs.fit);
  return (
    <div className="node-image" data-width={width ?? undefined} data-align={mediaAlign(attrs.align) ?? undefined} data-fit={fit ?? undefined}>
      <div className="node-image__frame" style={width === null || fit ? undefined : { width: `${width}%` }}>
        {children}
      </div>
    </div>
  );
}

function renderText(node: Extract<SlideNode, { kind: 'text' }>, key: number, interactive: boolean): ReactNode {
  let out: ReactNode = node.text;
  const { marks } = node;
  // Text formatting (issue #17) innermost, as the editor nests it (the schema's last marks);
  // only allow-listed keys are drawn, as data attributes the slide CSS styles.
  const highlightKey = highlight(marks.highlight);
  if (highlightKey) out = <span data-highlight={highlightKey}>{out}</span>;
  const colourKey = textColour(marks.textColor);
  if (colourKey) out = <span data-color={colourKey}>{out}</span>;
  const size = fontSize(marks.fontSize);
  if (size) out = <span data-size={size}>{out}</span>;
  if (marks.code) out = <code>{out}</code>;
  if (marks.strike) out = <s>{out}</s>;
  if (marks.underline) out = <u>{out}</u>;
  if (marks.italic) out = <em>{out}</em>;
  if (marks.bold) out = <strong>{out}</strong>;
  if (marks.link !== undefined) {
    const href = safeHref(marks.link);
    out =
      interactive && href ? (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow">
          {out}
        </a>
      ) : (
        <span className="slide-link">{out}</span>
      );
  }
  return <span key={key}>{out}</span>;
}

/** A paragraph's or heading's alignment and line spacing as the editor draws them, allow-listed values only. */
function blockFormat(attrs: Record<string, unknown>): { 'data-align'?: string; 'data-line-spacing'?: string } {
  const align = textAlign(attrs.textAlign);
  const spacing = lineSpacing(attrs.lineSpacing);
  return { ...(align ? { 'data-align': align } : {}), ...(spacing ? { 'data-line-spacing': spacing } : {}) };
}

function renderNodes(nodes: SlideNode[], interactive: boolean): ReactNode[] {
  return nodes.map((node, i) => (node.kind === 'text' ? renderText(node, i, interactive) : renderElement(node, i, interactive)));
}

function renderElement(node: Extract<SlideNode, { kind: 'element' }>, key: number, interactive: boolean): ReactNode {
  const children = renderNodes(node.children, interactive);
  const { attrs } = node;
  switch (node.name) {
    case 'paragraph':
      return (
        <p key={key} {...blockFormat(attrs)}>
          {children}
        </p>
      );
    case 'heading': {
      const level = int(attrs.level, 2, 1, 3);
      const Tag = `h${level}` as 'h1' | 'h2' | 'h3';
      return (
        <Tag key={key} {...blockFormat(attrs)}>
          {children}
        </Tag>
      );
    }
    case 'bulletList':
      return (
        <ul key={key} data-reveal={isStepList(node.name, attrs) ? 'step' : undefined}>
          {children}
        </ul>
      );
    case 'orderedList':
      return (
        <ol key={key} start={int(attrs.start, 1, -1_000_000, 1_000_000)} data-reveal={isStepList(node.name, attrs) ? 'step' : undefined}>
          {children}
        </ol>
      );
    case 'listItem':
      return (
        <ListItem key={key} node={node}>
          {children}
        </ListItem>
      );
    case 'blockquote':
      return <blockquote key={key}>{children}</blockquote>;
    case 'horizontalRule':
      return <hr key={key} />;
    case 'hardBreak':
      return <br key={key} />;
    case 'codeBlock':
      return <CodeBlock key={key} code={treeText(node.children)} language={attrs.language} />;
    case 'image': {
      const src = safeImageSrc(attrs.src);
      const alt = typeof attrs.alt === 'string' ? attrs.alt : '';
      if (src && !isUploadedImage(src))
        return (
          <MediaImage key={key} attrs={attrs}>
            <RemoteImage src={src} alt={alt} interactive={interactive} />
          </MediaImage>
        );
      return src ? (
        <MediaImage key={key} attrs={attrs}>
          <img src={src} alt={alt} title={typeof attrs.title === 'string' ? attrs.title : undefined} loading="lazy" decoding="async" onLoad={(event) => setNaturalWidth(event.currentTarget)} />
        </MediaImage>
      ) : null;
    }
    case 'table':
      return (
        <div key={key} className="tableWrapper">
          <table>
            <tbody>{children}</tbody>
          </table>
        </div>
      );
    case 'tableRow':
      return <tr key={key}>{children}</tr>;
    case 'tableCell':
    case 'tableHeader': {
      const Cell = node.name === 'tableHeader' ? 'th' : 'td';
      return (
        <Cell key={key} colSpan={int(attrs.colspan, 1, 1, 50)} rowSpan={int(attrs.rowspan, 1, 1, 50)}>
          {children}
        </Cell>
      );
    }
    case 'chart':
      return <ChartPreview key={key} attrs={attrs} />;
    default:
      // An element this client does not know (a newer version wrote it): keep its text.
      return (
        <div key={key} data-unknown-node={node.name}>
          {children}
        </div>
      );
  }
}

export function SlideContentView({ nodes, interactive = false }: SlideContentViewProps) {
  return <>{renderNodes(nodes, interactive)}</>;
}
