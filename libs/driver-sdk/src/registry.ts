import { InvalidArgumentError, NotFoundError } from '@cb/errors';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CloudDriver } from './driver';
import { validateDriver } from './manifest';

/** What `loadFromDirectory` did with each module file. */
export interface DirectoryLoad {
  loaded: { fileName: string; DriverName: string; Version: string }[];
  refused: { fileName: string; reason: string }[];
}

const MODULE_EXTENSIONS = new Set(['.js', '.cjs', '.mjs']);

export interface LoadOptions {
  /** When given, the module file's sha256 (hex) must match before any of its code runs. */
  sha256?: string;
  /** The DriverLibFileName to register under; defaults to the file's base name. */
  fileName?: string;
}

/**
 * Drivers by DriverLibFileName (upstream's key, e.g. `mock-driver-v1.0.so`). The runtime asks the
 * registry, never imports a driver by name.
 */
export class DriverRegistry {
  private readonly drivers = new Map<string, CloudDriver>();

  /** Adds or replaces (a re-published driver) the driver for a lib file name. */
  register(fileName: string, driver: CloudDriver): CloudDriver {
    if (!fileName.trim()) throw new InvalidArgumentError('DriverLibFileName is empty', { field: 'DriverLibFileName' });
    const valid = validateDriver(driver, fileName);
    this.drivers.set(fileName, valid);
    return valid;
  }

  unregister(fileName: string): boolean {
    return this.drivers.delete(fileName);
  }

  has(fileName: string): boolean {
    return this.drivers.has(fileName);
  }

  get(fileName: string): CloudDriver {
    const driver = this.drivers.get(fileName);
    if (!driver) {
      const known = [...this.drivers.keys()].join(', ') || 'none';
      throw new NotFoundError(`driver library '${fileName}' is not registered (registered: ${known})`, {
        field: 'DriverLibFileName',
      });
    }
    return driver;
  }

  fileNames(): string[] {
    return [...this.drivers.keys()];
  }

  /**
   * Loads a driver module (CommonJS or ES module) exporting `default` or `driver`, checks its manifest and
   * contract version, and registers it.
   */
  async loadFromModule(path: string, options: LoadOptions = {}): Promise<CloudDriver> {
    const absolute = isAbsolute(path) ? path : resolve(path);
    const content = await readFile(absolute).catch((cause: unknown) => {
      throw new NotFoundError(`driver module ${absolute} cannot be read: ${(cause as Error).message}`);
    });
    if (options.sha256 !== undefined) {
      const actual = createHash('sha256').update(content).digest('hex');
      if (actual !== options.sha256.toLowerCase()) {
        throw new InvalidArgumentError(`driver module ${absolute} has sha256 ${actual}, expected ${options.sha256}`, {
          field: 'sha256',
        });
      }
    }
    const exported = await importModule(absolute);
    const candidate = exported.driver ?? exported.default;
    if (candidate === undefined) {
      throw new InvalidArgumentError(`driver module ${absolute} exports neither 'default' nor 'driver'`);
    }
    const fileName = options.fileName ?? absolute.split(/[\\/]/).pop()!;
    return this.register(fileName, candidate as CloudDriver);
  }

  /**
   * Loads every driver module (`*.js`, `*.cjs`, `*.mjs`) at the top of `dir`, each under its file name as
   * DriverLibFileName. A `<file>.sha256` beside a module is checked before the module runs. One bad module
   * does not stop the others: it is listed in `refused` with the reason.
   */
  async loadFromDirectory(dir: string): Promise<DirectoryLoad> {
    const absolute = isAbsolute(dir) ? dir : resolve(dir);
    const entries = await readdir(absolute, { withFileTypes: true }).catch((cause: unknown) => {
      throw new NotFoundError(`driver directory ${absolute} cannot be read: ${(cause as Error).message}`);
    });
    const files = entries
      .filter((e) => e.isFile() && MODULE_EXTENSIONS.has(extname(e.name)))
      .map((e) => e.name)
      .sort();
    const result: DirectoryLoad = { loaded: [], refused: [] };
    for (const fileName of files) {
      const path = join(absolute, fileName);
      try {
        const driver = await this.loadFromModule(path, { fileName, sha256: await sidecarSha256(path) });
        result.loaded.push({ fileName, DriverName: driver.manifest.DriverName, Version: driver.manifest.Version });
      } catch (error) {
        result.refused.push({ fileName, reason: (error as Error).message });
      }
    }
    return result;
  }
}

type ModuleExports = Record<string, unknown>;

/** The sha256 of `<module>.sha256` beside the module (first word, as `sha256sum` writes it), if there is one. */
async function sidecarSha256(path: string): Promise<string | undefined> {
  const text = await readFile(`${path}.sha256`, 'utf8').catch(() => undefined);
  return text?.trim().split(/\s+/)[0] || undefined;
}

/*
 * Node's require loads CommonJS and, since Node 20.19, synchronous ES modules; an ES module with top-level
 * await still needs import(). (Inside jest, require is jest's sandbox, which loads CommonJS only.)
 */
async function importModule(absolute: string): Promise<ModuleExports> {
  const nodeRequire = createRequire(__filename);
  try {
    delete nodeRequire.cache[absolute];
    return nodeRequire(absolute) as ModuleExports;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ERR_REQUIRE_ASYNC_MODULE' && code !== 'ERR_REQUIRE_ESM') {
      throw new InvalidArgumentError(`driver module ${absolute} failed to load: ${(error as Error).message}`);
    }
    return (await import(pathToFileURL(absolute).href)) as ModuleExports;
  }
}
