import { isRole, ROLES } from '@qingfeng/core';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { type CommandOutput, processOutput, type WithPlatform } from './open-services.js';
import { OrganisationsService } from '../../modules/organisations/organisations.service.js';
import { cliScope } from '../../modules/organisations/scope.js';
import { ZCreateUser } from '../../modules/users/users.schemas.js';
import { UsersService } from '../../modules/users/users.service.js';

/**
 * `qingfeng user add|reset-password|disable`. Unlike the console, the command line may
 * create and manage the separated administrators (sys_admin, sec_admin, auditor): whoever
 * runs it holds the server. Every action is audited as the system actor 'cli'.
 */
export function registerUserCommands(
  program: Command,
  withPlatform: WithPlatform,
  output: CommandOutput = processOutput,
): void {
  const user = program.command('user').description('Manage user accounts');

  user
    .command('add <username>')
    .description('Create a user; prints a temporary password, shown only this once')
    .requiredOption('--name <display>', 'display name, e.g. 张三')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .requiredOption('--org <org-code>', 'code of the organisation the user belongs to')
    .option('--phone <number>', 'mobile or landline number (stored encrypted)')
    .action(async (username: string, options: { name: string; role: string; org: string; phone?: string }) => {
      if (!isRole(options.role)) throw new CliError(`Unknown role "${options.role}"; use one of: ${ROLES.join(', ')}`);
      await withPlatform(async (services) => {
        const scope = cliScope();
        const org = await new OrganisationsService(services.database.db)
          .getOrganisationByCode(scope, options.org)
          .catch(() => {
            throw new CliError(`No organisation with code "${options.org}"`);
          });
        const parsed = ZCreateUser.safeParse({
          username,
          displayName: options.name,
          orgId: org.id,
          role: options.role,
          phone: options.phone,
        });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new CliError(`${String(issue?.path.join('.') ?? 'input')}: ${issue?.message ?? 'invalid'}`);
        }
        const { user: created, temporaryPassword } = await new UsersService(services).createUser(scope, parsed.data);
        output.out(
          `Created ${created.username} (${created.role}) in ${org.name} [${org.code}]\n` +
            `Temporary password (shown once, must be changed at first sign-in): ${temporaryPassword}\n`,
        );
      });
    });

  user
    .command('reset-password <username>')
    .description('Give a user a new temporary password and end their sessions')
    .action(async (username: string) => {
      await withPlatform(async (services) => {
        const scope = cliScope();
        const users = new UsersService(services);
        const target = await users.getUserByUsername(scope, username);
        const { temporaryPassword } = await users.resetPassword(scope, target.id);
        output.out(`New temporary password for ${username} (shown once, must be changed): ${temporaryPassword}\n`);
      });
    });

  user
    .command('disable <username>')
    .description('Disable a user and end their sessions')
    .action(async (username: string) => {
      await withPlatform(async (services) => {
        const scope = cliScope();
        const users = new UsersService(services);
        const target = await users.getUserByUsername(scope, username);
        if (target.disabled) {
          output.out(`${username} is already disabled\n`);
          return;
        }
        await users.updateUser(scope, target.id, { disabled: true });
        output.out(`Disabled ${username}\n`);
      });
    });
}
