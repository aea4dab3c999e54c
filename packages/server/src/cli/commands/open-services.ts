import type { AppServices } from '../../app/app-services.js';
import { loadConfig } from '../../config/config.js';
import { AppError } from '../../http/errors.js';
import { closePlatform, openPlatform } from '../../app/open-platform.js';
import { CliError } from '../cli-error.js';

/** Runs a command's work with the platform open, closing it afterwards whatever happens. */
export type WithPlatform = <T>(work: (services: AppServices) => Promise<T>) => Promise<T>;

/** Where a command writes: the result to `out`, progress and notes to `err`. */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: CommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * Builds a WithPlatform over a way to open and close the platform. The API's errors
 * become CliErrors carrying their plain message, so the user reads the same words the
 * console shows.
 */
export function platformRunner(
  open: () => Promise<AppServices>,
  close: (services: AppServices) => Promise<void>,
): WithPlatform {
  return async (work) => {
    const services = await open();
    try {
      return await work(services);
    } catch (error) {
      if (error instanceof AppError) throw new CliError(error.message);
      throw error;
    } finally {
      await close(services);
    }
  };
}

/** The stores the environment's configuration names, migrated and ready. */
export const withPlatform: WithPlatform = platformRunner(() => openPlatform(loadConfig()), closePlatform);
