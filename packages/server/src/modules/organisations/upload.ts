import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../http/errors.js';
import { ImportRejectedError } from './csv-file.js';

/** Organisation and division files are reference data: tens of megabytes at most. */
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** The one file of a multipart upload, read whole, with its name. */
export async function readUploadedFile(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw new ValidationError('file: upload the CSV as multipart/form-data', 'file');
  const part = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES } });
  if (!part) throw new ValidationError('file: no file in the upload', 'file');
  return { bytes: await part.toBuffer(), fileName: part.filename };
}

/**
 * Runs an import, turning a rejected file into a 422 that lists every problem (the
 * generic error shape has room for one field only).
 */
export async function replyWithImport<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ImportRejectedError)) throw error;
    return reply.status(422).send({
      code: 'import_rejected' as const,
      message: `Nothing was imported: ${error.problems.length} problem(s) in the file`,
      problems: error.problems,
    });
  }
}
