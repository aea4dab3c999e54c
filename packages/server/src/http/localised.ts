import { z } from 'zod';

/** A text the server answers in both languages; the console shows the reader's. */
export const ZLocalisedText = z.object({ zh: z.string(), en: z.string() });
