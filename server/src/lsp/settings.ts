/**
 * The server's settings: what the client sends under `shapeLens`, merged
 * with defaults. The default image data format is Keras's own: the
 * `image_data_format` of `~/.keras/keras.json` when that file says so.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CODES, type DiagnosticCode } from '../analysis/codes';

export interface ServerSettings {
  hints: { enabled: boolean; paramTotals: boolean };
  imageDataFormat: 'channels_last' | 'channels_first';
  /** Warning codes turned off. */
  disabledWarnings: DiagnosticCode[];
}

/** `image_data_format` from Keras's config file, as Keras reads it at import; channels_last otherwise. */
export function kerasConfigDataFormat(home = os.homedir(), env = process.env): 'channels_last' | 'channels_first' {
  const dir = env.KERAS_HOME ?? path.join(home, '.keras');
  try {
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'keras.json'), 'utf8')) as { image_data_format?: string };
    return config.image_data_format === 'channels_first' ? 'channels_first' : 'channels_last';
  } catch {
    return 'channels_last';
  }
}

export function defaultSettings(): ServerSettings {
  return {
    hints: { enabled: true, paramTotals: true },
    imageDataFormat: kerasConfigDataFormat(),
    disabledWarnings: [],
  };
}

/** Reads the `shapeLens` configuration section; anything missing or malformed keeps its default. */
export function readSettings(raw: unknown, defaults: ServerSettings = defaultSettings()): ServerSettings {
  const r = (raw ?? {}) as Record<string, unknown>;
  // VS Code sends dotted setting names as nested objects: { inlayHints: { enabled } }.
  const hints = (r.inlayHints ?? {}) as Record<string, unknown>;
  const warnings = (r.warnings ?? {}) as Record<string, unknown>;
  const fmt = r.imageDataFormat;
  const disabled = (Object.keys(CODES) as DiagnosticCode[]).filter(
    (code) => code !== 'keras-error' && warnings[code] === false,
  );
  return {
    hints: {
      enabled: typeof hints.enabled === 'boolean' ? hints.enabled : defaults.hints.enabled,
      paramTotals: typeof hints.paramTotals === 'boolean' ? hints.paramTotals : defaults.hints.paramTotals,
    },
    imageDataFormat: fmt === 'channels_first' || fmt === 'channels_last' ? fmt : defaults.imageDataFormat,
    disabledWarnings: disabled,
  };
}
