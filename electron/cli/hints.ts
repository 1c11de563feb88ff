// Every error the command line prints ends with the command that fixes it:
// a newcomer should never be told "save your profile" with no way to do so.
import type { AppError } from '../../shared/errors';
import { flag, type Args } from './args';
import type { Command } from './commands/types';

const PROFILE_SET = 'fairsite profile set{data} --name NAME --organisation ORG --email EMAIL --auditor-id ID';

/** [what the message says, the command that fixes it]; {data} is the --data the user gave, {cmd} the command run. */
const FIXES: Array<[RegExp, string]> = [
  [/profile first|no signing key yet|no profile/i, PROFILE_SET],
  [/FAIRSITE_PASSPHRASE|passphrase/i, 'FAIRSITE_PASSPHRASE=… {cmd} (or run it in a terminal to be asked)'],
  [/upload address/i, 'fairsite bundle settings{data} --url URL --kind webdav --auth basic --user NAME'],
  [/HQ key|hq init/i, 'fairsite hq init{data}'],
  [/enrol/i, 'fairsite hq enrol{data} --key FILE.pub --auditor-id ID --name NAME'],
  [/no (such )?audit|audit .*(no longer|not) exist|no audit/i, 'fairsite audits list{data}'],
];

export function fixFor(err: AppError, cmd: Command, args: Args): string {
  const data = flag(args, 'data');
  const fill = (s: string) => s.replace('{data}', data ? ` --data ${data}` : '').replace('{cmd}', `fairsite ${cmd.words.join(' ')}`);
  const hit = FIXES.find(([re]) => re.test(err.message));
  return fill(hit ? hit[1] : '{cmd} --help');
}
