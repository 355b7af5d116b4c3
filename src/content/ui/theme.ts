/**
 * Styles of the injected UI. Each shadow root gets its own copy (styles do not cross shadow
 * boundaries either way). System font, small, visible focus. Light or dark as the admin page is where
 * it is mounted (the host's data-tone, src/content/ui/pageLook.ts), not as the system's colour scheme;
 * with data-admin-buttons our plain buttons look like the admin's own button next to them.
 * `all: initial` on the root keeps the admin's inherited styles (fonts, line-height, text-align) out.
 */
const BASE = `
:host { all: initial; }
.rd { --fg:#1b1f24; --muted:#5a6472; --bg:#f4f7fb; --line:#c9d3df; --accent:#1f5fbf; --accent-fg:#fff;
  --ok:#1c7c3a; --ok-bg:#e5f4ea; --warn:#8a5a00; --warn-bg:#fff4d6; --bad:#b3261e; --bad-bg:#fde8e7; --info-bg:#e8effa;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); text-align: left; }
:host([data-tone="dark"]) .rd { --fg:#e8edf3; --muted:#a7b1bd; --bg:#1e242c; --line:#3a4552; --accent:#7fb0ff; --accent-fg:#0b1a33;
    --ok:#7fd49a; --ok-bg:#173222; --warn:#f2c46b; --warn-bg:#3a2e12; --bad:#ff9c94; --bad-bg:#3d1b19; --info-bg:#1c2a40; }
button { font: inherit; cursor: pointer; border-radius: 4px; padding: 2px 10px; border: 1px solid var(--line);
  background: var(--bg); color: var(--fg); }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); }
:host([data-admin-buttons="native"]) button:not(.primary) { all: revert; font-family: var(--rd-btn-font-family); font-size: var(--rd-btn-font-size);
  font-weight: var(--rd-btn-font-weight); line-height: var(--rd-btn-line-height);
  padding: var(--rd-btn-padding-top) var(--rd-btn-padding-right) var(--rd-btn-padding-bottom) var(--rd-btn-padding-left); }
:host([data-admin-buttons="styled"]) button:not(.primary) { font-family: var(--rd-btn-font-family); font-size: var(--rd-btn-font-size);
  font-weight: var(--rd-btn-font-weight); line-height: var(--rd-btn-line-height);
  padding: var(--rd-btn-padding-top) var(--rd-btn-padding-right) var(--rd-btn-padding-bottom) var(--rd-btn-padding-left);
  border: var(--rd-btn-border-top-width) var(--rd-btn-border-top-style) var(--rd-btn-border-top-color); border-radius: var(--rd-btn-border-radius);
  background-color: var(--rd-btn-background-color); background-image: var(--rd-btn-background-image); color: var(--rd-btn-color); }
button:disabled { opacity: .55; cursor: default; }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.muted { color: var(--muted); }
`;

export const BAR_CSS = `${BASE}
.bar { display: block; box-sizing: border-box; margin: 6px 0; padding: 8px 10px; border: 1px solid var(--line);
  border-left: 4px solid var(--accent); border-radius: 6px; background: var(--bg); max-width: 100%; }
.bar.state-valid { border-left-color: var(--ok); } .bar.state-expired { border-left-color: var(--bad); }
.bar.state-changed { border-left-color: var(--muted); } .bar.state-none { border-left-color: var(--warn); }
.head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.brand { font-weight: 700; font-size: 11px; letter-spacing: .02em; color: var(--accent); }
.sentence { margin: 2px 0; } .sentence strong { font-weight: 700; }
.reason { margin: 2px 0; color: var(--muted); }
.actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 6px; }
.confirm { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 4px 6px; border-radius: 4px; background: var(--warn-bg); }
.ok { color: var(--ok); font-weight: 600; } .error { color: var(--bad); font-weight: 600; }
.info { color: var(--fg); background: var(--info-bg); padding: 1px 6px; border-radius: 4px; }
.warnings { margin: 4px 0 0 1.2em; padding: 0; color: var(--warn); }
.secret { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; padding: 1px 6px;
  border: 1px dashed var(--line); border-radius: 4px; user-select: all; }
.inline { display: inline-flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-left: 6px; vertical-align: middle; }
`;

export const BADGE_CSS = `${BASE}
.rd { display: inline-flex; gap: 4px; margin-left: 6px; vertical-align: middle; flex-wrap: nowrap; white-space: nowrap; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 11px; line-height: 1.6; font-weight: 600;
  border: 1px solid var(--line); background: var(--bg); color: var(--fg); white-space: nowrap; }
.badge.valid { background: var(--ok-bg); color: var(--ok); border-color: var(--ok); }
.badge.expired, .badge.old { background: var(--bad-bg); color: var(--bad); border-color: var(--bad); }
.badge.changed, .badge.manual-change { background: var(--info-bg); color: var(--fg); }
.badge.latest { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
.badge.lookalike { background: var(--warn-bg); color: var(--warn); border-color: var(--warn); }
.badge.none, .badge.aged { color: var(--muted); }
button { font-size: 11px; padding: 0 6px; line-height: 1.6; }
`;
