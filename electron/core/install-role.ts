// What this installation is, chosen once at first run and kept in the
// laptop database's settings. A folder that already has an auditor's profile
// (set up before the choice existed) is a laptop.
import type { Core } from './core';
import { AppError } from '../../shared/errors';
import type { InstallRole, InstallState } from '../../shared/contract/install-ops';
import { getProfile } from './store/repos/profile';
import { getSetting, setSetting } from './sync/settings';
import { write } from './store/write';

const ROLE_SETTING = 'install.role';

export function installRole(core: Core): InstallRole | null {
  const v = getSetting(core, ROLE_SETTING);
  if (v === 'laptop' || v === 'hq') return v;
  return getProfile(core.db) ? 'laptop' : null;
}

export function chooseRole(core: Core, role: InstallRole): InstallState {
  const cur = installRole(core);
  if (cur === role) return { role };
  if (cur !== null) {
    throw new AppError('conflict', cur === 'laptop'
      ? "This installation is already an auditor's laptop. Install headquarters on its own data folder."
      : 'This installation is already headquarters. Use another data folder for an auditor\'s laptop.');
  }
  write(core, () => setSetting(core, ROLE_SETTING, role));
  return { role };
}
