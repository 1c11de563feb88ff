import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../../electron/shell/menu';

describe('menuTemplate', () => {
  const roles = (t: ReturnType<typeof menuTemplate>): string[] =>
    t.flatMap((m) => [m.role ?? m.label ?? '', ...(Array.isArray(m.submenu) ? m.submenu.map((s) => s.role ?? s.type ?? '') : [])]);

  it('has no developer tools in a packaged app', () => {
    expect(roles(menuTemplate(false, true))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate(false, false))).toContain('toggleDevTools');
  });
  it('uses the app menu on macOS and a File menu elsewhere', () => {
    expect(menuTemplate(true, true)[0]?.role).toBe('appMenu');
    expect(menuTemplate(false, true)[0]?.label).toBe('File');
  });
  it('holds only standard roles (nothing that opens a URL)', () => {
    for (const item of menuTemplate(false, false).flatMap((m) => [m, ...(Array.isArray(m.submenu) ? m.submenu : [])])) {
      expect(item.click).toBeUndefined();
    }
  });
});
