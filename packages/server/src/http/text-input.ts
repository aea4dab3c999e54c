import type { FastifyInstance } from 'fastify';
import { ValidationError } from './errors.js';

// With the u flag a surrogate pair reads as one code point, so only an unpaired half matches.
const LONE_SURROGATE = /\p{Cs}/u;

/** What is wrong with a string no route may receive, or undefined when it is fine. */
export function textDefect(text: string): string | undefined {
  // PostgreSQL (and so PGlite) refuses U+0000 in text and jsonb, and no form, file name or
  // search term has a use for it.
  if (text.includes('\u0000')) return 'contains a NUL character';
  // A lone half of a surrogate pair is no character at all: it cannot be stored as UTF-8
  // and would come back as U+FFFD, so the stored text would differ from what was checked.
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired surrogate (not valid Unicode)';
  return undefined;
}

/** The first string of a parsed request part (object keys included) that `textDefect` refuses, with its path. */
export function findTextDefect(value: unknown, root: string): { field: string; problem: string } | undefined {
  // An explicit stack rather than recursion: a JSON body nested a million deep must not
  // overflow the call stack (a 500) while being checked.
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value === 'string') {
      const problem = textDefect(item.value);
      if (problem !== undefined) return { field: item.path, problem };
    } else if (Array.isArray(item.value)) {
      const path = item.path;
      item.value.forEach((element: unknown, i) => stack.push({ value: element, path: `${path}.${i}` }));
    } else if (typeof item.value === 'object' && item.value !== null) {
      for (const [key, element] of Object.entries(item.value)) {
        const problem = textDefect(key);
        // The key itself is not echoed: it is the bad text.
        if (problem !== undefined) return { field: item.path, problem: `has a property name that ${problem}` };
        stack.push({ value: element, path: `${item.path}.${key}` });
      }
    }
  }
  return undefined;
}

/**
 * Refuses, on every route and before its schema is checked, a request whose path
 * parameters, query or JSON body hold a string with a NUL character or an unpaired
 * surrogate: a 400 naming the field (`querystring.q`, `body.rows.3.name`, as schema
 * errors name them), so such text never reaches a store that would fail on it with a 500.
 */
export function registerTextInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const parts = [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const;
    for (const [name, value] of parts) {
      const defect = findTextDefect(value, name);
      if (defect !== undefined) throw new ValidationError(`${defect.field}: ${defect.problem}`, defect.field);
    }
  });
}
