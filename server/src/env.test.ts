import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env';

describe('loadConfig', () => {
  it('falls back to the documented defaults, treating empty values as unset', () => {
    const config = loadConfig({ PORT: '', LOG_LEVEL: '' });
    expect(config).toEqual({
      PORT: 3000,
      HOST: '0.0.0.0',
      MIZUG_DATA_DIR: resolve('data'),
      TRUST_PROXY: false,
      MIZUG_DEMO: false,
      LOG_LEVEL: 'info',
    });
  });

  it('reads a PostgreSQL URL and a port', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgresql://u@db:5432/mizug' });
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_URL).toBe('postgresql://u@db:5432/mizug');
  });

  it('names every bad value with what is wrong about it', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://db/x', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT="70000" must be between 0 and 65535',
      'DATABASE_URL="mysql://db/x" must be a postgres:// or postgresql:// URL',
      'LOG_LEVEL="loud" must be one of fatal, error, warn, info, debug, trace, silent',
    ]);
  });
});
