import { describe, expect, it } from 'vitest';
import { viewerAssets } from './firstSlidePage.ts';

describe('the attendee page links what its code imports', () => {
  it('collects stylesheets and scripts of the viewer chunk and its imports, once each, leaving the entry to index.html', () => {
    const manifest = {
      'index.html': { file: 'assets/index-1.js', isEntry: true, css: ['assets/index-1.css'], imports: ['_shared-1.js'] },
      '_shared-1.js': { file: 'assets/shared-1.js', css: ['assets/shared-1.css'] },
      '_slides-1.js': { file: 'assets/slides-1.js', css: ['assets/slides-1.css'], imports: ['_shared-1.js'] },
      'src/present/ViewerPage.tsx': { file: 'assets/ViewerPage-1.js', css: ['assets/ViewerPage-1.css'], imports: ['index.html', '_slides-1.js', '_shared-1.js'] },
      'src/editor/EditorPage.tsx': { file: 'assets/EditorPage-1.js', css: ['assets/EditorPage-1.css'] },
    };
    expect(viewerAssets(manifest)).toEqual({
      styles: ['assets/shared-1.css', 'assets/slides-1.css', 'assets/ViewerPage-1.css'],
      scripts: ['assets/shared-1.js', 'assets/slides-1.js', 'assets/ViewerPage-1.js'],
    });
  });

  it('links nothing when the build has no viewer chunk', () => {
    expect(viewerAssets({})).toEqual({ styles: [], scripts: [] });
  });
});
