import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../../../http/errors.js';
import { uploadPath } from './stale-uploads.js';

/** An uploaded file saved to disk with the form's text fields. */
export interface SavedUpload {
  file: string;
  fileName: string;
  fields: Record<string, string>;
  /** Deletes the saved file. */
  discard(): Promise<void>;
}

/**
 * Saves a multipart upload's file under `<dataDir>/uploads` as it streams in (never in
 * memory) and collects the text fields, in whatever order the client sent them. The file
 * is needed on disk anyway: it is hashed for duplicate detection before it is read. One a
 * crash leaves behind is removed at the next start (stale-uploads.ts).
 */
export async function saveUpload(request: FastifyRequest, dataDir: string): Promise<SavedUpload> {
  if (!request.isMultipart())
    throw new ValidationError('Send the file as multipart/form-data', 'file', 'not_multipart');
  await mkdir(path.join(dataDir, 'uploads'), { recursive: true });
  const fields: Record<string, string> = {};
  let saved: { file: string; fileName: string } | undefined;
  const discard = async () => {
    if (saved) await rm(saved.file, { force: true });
  };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (saved) {
          part.file.resume();
          throw new ValidationError('Send one file per import', 'file');
        }
        const file = uploadPath(dataDir, '', '.upload');
        saved = { file, fileName: path.basename(part.filename || 'upload') };
        await pipeline(part.file, createWriteStream(file));
        if (part.file.truncated)
          throw new ValidationError('The file is larger than the upload limit', 'file', 'file_too_large');
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    await discard();
    throw error;
  }
  if (!saved) throw new ValidationError('Attach the file to import', 'file');
  return { ...saved, fields, discard };
}
