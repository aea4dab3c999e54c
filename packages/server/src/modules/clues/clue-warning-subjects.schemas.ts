import { z } from 'zod';
import { ZRef } from './procedure.schemas.js';

/** Confirmed warnings whose people to suggest as a new clue's subjects: `warningIds=1,2`. */
export const ZWarningSubjectsQuery = z.object({
  warningIds: z
    .string()
    .max(1200)
    .regex(/^\d{1,10}(,\d{1,10}){0,99}$/)
    .transform((s) => [...new Set(s.split(',').map(Number))])
    .pipe(z.array(ZRef)),
});

/** The people of those warnings, masked: the whole identity number never leaves the server. */
export const ZWarningSubjects = z.object({
  items: z.array(
    z.object({
      warningId: z.number(),
      subjectKey: z.number(),
      /** The subject the warning's hit is about (else one of its other parties). */
      primary: z.boolean(),
      name: z.string(),
      idNumber: z.string(),
    }),
  ),
});
export type TWarningSubjects = z.infer<typeof ZWarningSubjects>;
