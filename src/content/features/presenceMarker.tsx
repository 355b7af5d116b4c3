/**
 * A small "Reset Desk" tag beside the user page's Password History heading: tells the agent the
 * extension recognised this page (and, where the in-page bar cannot load, that it is present).
 */
import { findHeading } from '../../admin';
import { mountNextTo } from '../ui/mount';
import { registerFeature } from './index';

const CSS = `
.tag { display: inline-block; margin: 0 0 0 .5em; padding: 0 .45em; border-radius: .6em;
  font: 600 11px/1.6 system-ui, sans-serif; color: #fff; background: #1f5fbf; vertical-align: middle; }
`;

registerFeature({
  id: 'presence-marker',
  pages: ['user'],
  init(ctx, doc, signal) {
    const heading = findHeading(doc, ctx.labels, 'passwordHistory');
    if (!heading) return;
    mountNextTo({ kind: 'presence-marker', anchor: heading, where: 'append', css: CSS, signal }, <span class="tag">Reset Desk</span>);
  },
});
