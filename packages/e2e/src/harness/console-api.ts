import type { Page } from 'playwright-core';

/**
 * Calls the server's API from inside the page, with its session and CSRF token, as the
 * console does; throws with the status and body on any refusal. For the setup a test needs
 * (units, users) but does not test, so the story told through the screens stays short.
 */
export async function callApi(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (method !== 'GET') {
        const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
        headers['x-csrf-token'] = me.csrfToken;
      }
      const response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    },
    { method, path, body },
  );
}

/** The id of the organisation tree's root (the commission the first administrators belong to). */
export async function rootOrganisationId(page: Page): Promise<number> {
  const { tree } = (await callApi(page, 'GET', '/api/v1/organisations?view=tree')) as { tree: { id: number }[] };
  const root = tree[0];
  if (!root) throw new Error('no root organisation');
  return root.id;
}

/** Creates a user as the signed-in administrator; returns their one-time password. */
export async function createUserThroughApi(
  page: Page,
  user: { username: string; displayName: string; orgId: number; role: string },
): Promise<string> {
  const created = await callApi(page, 'POST', '/api/v1/users', user);
  return String(created.temporaryPassword);
}

/** As the signed-in data administrator, imports CSV lines through the import API; returns the rows loaded. */
export async function importCsvThroughApi(page: Page, type: string, lines: readonly string[]): Promise<number> {
  return page.evaluate(
    async ({ type, text }) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const form = new FormData();
      form.append('mode', 'append');
      form.append('file', new Blob([text], { type: 'text/csv' }), `${type}.csv`);
      const response = await fetch(`/api/v1/datasets/${type}/imports`, {
        method: 'POST',
        headers: { 'x-csrf-token': me.csrfToken },
        body: form,
      });
      if (!response.ok) throw new Error(`import ${type}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { rowsLoaded: number }).rowsLoaded;
    },
    { type, text: `${lines.join('\n')}\n` },
  );
}
