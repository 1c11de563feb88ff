// What this installation is, chosen once at first run and kept in the
// laptop database's settings. A folder that already has an auditor's profile
// (set up before the choice existed) is a laptop.
import type { Core } from './core';
import type { InstallRole, InstallState } from '../../shared/contract/install-ops';
import { getProfile } from './store/repos/profile';
import { getSetting, setSetting } from './sync/settings';
import { write } from './store/write';
import { refusal } from '../../shared/core-messages';
import { msg } from '../../shared/messages';

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
    throw refusal('conflict', msg(cur === 'laptop' ? 'install.isLaptop' : 'install.isHq'));
  }
  write(core, () => setSetting(core, ROLE_SETTING, role));
  return { role };
}
