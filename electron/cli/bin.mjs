#!/usr/bin/env node
// The `fairsite` command in a checkout: TypeScript sources run through tsx,
// so there is no build step between editing the core and using it here.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
