#!/usr/bin/env node
// The `gongkai` command runs the TypeScript sources directly through tsx: one code path for
// the server, the CLI and the tests, and no build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
