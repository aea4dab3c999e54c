import type { AppServices } from '../../app-services.js';
import { loadConfig } from '../../config/config.js';
import { closePlatform, openPlatform } from '../../platform/open-platform.js';

/**
 * Runs a command's work with the platform open (config from the environment, migrated
 * stores), closing the stores afterwards whatever happens.
 */
export async function withPlatform<T>(work: (services: AppServices) => Promise<T>): Promise<T> {
  const services = await openPlatform(loadConfig());
  try {
    return await work(services);
  } finally {
    await closePlatform(services);
  }
}
