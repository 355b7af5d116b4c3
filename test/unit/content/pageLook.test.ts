// @vitest-environment jsdom
/** The admin page's look from computed styles: light or dark behind an anchor, an admin button's look. */
import { describe, expect, it } from 'vitest';
import { buttonLook, luminance, pageTone, parseColor } from '../../../src/content/ui/pageLook';

describe('page look', () => {
  it('reads computed colours', () => {
    expect(parseColor('rgb(255, 255, 255)')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('rgb(29 33 39 / 50%)')).toEqual({ r: 29, g: 33, b: 39, a: 0.5 });
    expect(parseColor('transparent')).toBeNull();
    expect(luminance({ r: 255, g: 255, b: 255, a: 1 })).toBeCloseTo(1);
    expect(luminance({ r: 29, g: 33, b: 39, a: 1 })).toBeLessThan(0.05);
  });

  it('light or dark: the nearest opaque background of the anchor or its ancestors, else the text colour', () => {
    document.body.innerHTML = '<div id="dark" style="background-color: rgb(29, 33, 39)"><p><span id="in-dark">x</span></p></div>'
      + '<div style="background-color: rgba(0, 0, 0, 0)"><span id="in-light">x</span></div>'
      + '<div style="color: rgb(230, 230, 230)"><span id="light-text">x</span></div>';
    expect(pageTone(document.getElementById('in-dark')!)).toBe('dark');
    // A transparent background lets the white canvas show.
    expect(pageTone(document.getElementById('in-light')!)).toBe('light');
    expect(pageTone(document.getElementById('light-text')!)).toBe('dark');
  });

  it("copies an admin button's look, not a link's", () => {
    document.body.innerHTML = '<button id="b" style="font-size: 15px; background-color: rgb(1, 2, 3)">Save</button><a id="a" href="#">Save</a><input id="i" type="submit" value="Save">';
    const look = buttonLook(document.getElementById('b')!)!;
    expect(look.props['font-size']).toBe('15px');
    expect(look.props['background-color']).toBe('rgb(1, 2, 3)');
    expect(look.kind).toBe('styled');
    expect(buttonLook(document.getElementById('i')!)).not.toBeNull();
    expect(buttonLook(document.getElementById('a')!)).toBeNull();
  });
});
