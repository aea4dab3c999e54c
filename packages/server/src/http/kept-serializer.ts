import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler } from 'fastify-type-provider-zod';

/*
 * A kept answer (db/revision-cache.ts) is the same object for every reader until the store
 * changes, and so is its JSON: checking it against the route's response schema and writing
 * it out costs more, per request, than everything else a kept list or overview does. So
 * each route's serializer keeps the text it wrote for an object, while that object lives,
 * and writes an object it has seen again as that text. Answers are never changed after
 * they are made (a kept one is shared by every reader), which is what makes this sound; a
 * fresh answer is a new object, written afresh, and forgotten with it.
 */

type Schema = Parameters<FastifySerializerCompiler<unknown>>[0];

/** The zod serializer of each route, remembering what it wrote for each object. */
export const keptSerializerCompiler: FastifySerializerCompiler<unknown> = (route: Schema) => {
  const serialize = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
  const written = new WeakMap<object, string>();
  return (data: unknown) => {
    if (typeof data !== 'object' || data === null) return serialize(data);
    const kept = written.get(data);
    if (kept !== undefined) return kept;
    const text = serialize(data);
    written.set(data, text);
    return text;
  };
};
