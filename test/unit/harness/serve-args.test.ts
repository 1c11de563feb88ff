import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../electron/harness/serve-args';

describe('parseServeArgs', () => {
  it('defaults to ./.fairsite-dev and port 5178', () => {
    expect(parseServeArgs([], {}, '/w')).toEqual({ dataDir: '/w/.fairsite-dev', port: 5178 });
  });
  it('reads FAIRSITE_DATA, then --data and --port', () => {
    expect(parseServeArgs([], { FAIRSITE_DATA: '/d' }, '/w')).toEqual({ dataDir: '/d', port: 5178 });
    expect(parseServeArgs(['--data', 'x', '--port=0'], { FAIRSITE_DATA: '/d' }, '/w')).toEqual({ dataDir: '/w/x', port: 0 });
  });
  it('refuses bad options with a clear message', () => {
    expect(() => parseServeArgs(['--port', 'abc'], {})).toThrow(/--port must be a number/);
    expect(() => parseServeArgs(['--port', '70000'], {})).toThrow(/--port must be a number/);
    expect(() => parseServeArgs(['--data'], {})).toThrow(/--data needs a value/);
    expect(() => parseServeArgs(['--host', '0.0.0.0'], {})).toThrow(/Unknown option --host/);
  });
});
