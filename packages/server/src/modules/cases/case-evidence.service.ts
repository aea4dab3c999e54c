import { type CaseRecord, type LogHashName, logHashByName } from '@qingfeng/core';
import type { FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError } from '../../http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { recordAudit } from '../audit/index.js';
import { type CaseViewer, lockCase, openCase } from './case-access.js';
import { askCore, storeCaseStep } from './case-steps.service.js';
import { CasesRepository } from './cases.repository.js';
import type { TRecordEvidence } from './cases.schemas.js';

/** The largest evidence file taken, in bytes: evidence lives in the operational store. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** Evidence as it arrives: a file's bytes, or a written record as UTF-8 text. */
export interface EvidenceInput {
  title: string;
  kind: 'file' | 'record';
  fileName: string;
  mediaType: string;
  content: Uint8Array;
  supersedes: number | null;
}

/** The hash a deployment's evidence takes, the same as its log's: SM3 under the GM algorithms, else SHA-256. */
export function evidenceHash(platform: Platform, content: Uint8Array): { name: LogHashName; hex: string } {
  const name: LogHashName = platform.config.gmAlgorithms ? 'sm3' : 'sha256';
  return { name, hex: Buffer.from(logHashByName(name).digest(content)).toString('hex') };
}

const fieldText = (value: unknown, field: string, max: number): string => {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text || text.length > max) throw new ValidationError(`Give a ${field} of at most ${max} characters`, field);
  return text;
};

const evidenceRef = (value: string | undefined): number | null => {
  if (value === undefined || value === '') return null;
  if (!/^\d{1,9}$/.test(value)) throw new ValidationError('Not an evidence id', 'supersedes');
  return Number(value);
};

/**
 * Reads a multipart upload of one evidence file with its `title` (and `supersedes`) into
 * memory, refusing it past `EVIDENCE_MAX_BYTES` as it streams in.
 */
export async function readEvidenceUpload(request: FastifyRequest): Promise<EvidenceInput> {
  if (!request.isMultipart())
    throw new ValidationError('Send the file as multipart/form-data', 'file', 'not_multipart');
  const fields: Record<string, string> = {};
  let file: { name: string; type: string; content: Uint8Array } | undefined;
  for await (const part of request.parts()) {
    if (part.type !== 'file') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (file) {
      part.file.resume();
      throw new ValidationError('Send one file per item of evidence', 'file');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > EVIDENCE_MAX_BYTES) {
        part.file.resume();
        throw new ValidationError('The file is larger than 20 MB', 'file', 'file_too_large');
      }
      chunks.push(chunk);
    }
    file = {
      name: part.filename || 'evidence',
      type: part.mimetype || 'application/octet-stream',
      content: Buffer.concat(chunks),
    };
  }
  if (!file || file.content.length === 0) throw new ValidationError('Attach the evidence file', 'file');
  return {
    title: fieldText(fields.title, 'title', 500),
    kind: 'file',
    fileName: fieldText(file.name, 'file name', 255),
    mediaType: fieldText(file.type, 'media type', 200),
    content: file.content,
    supersedes: evidenceRef(fields.supersedes),
  };
}

/** A written record as evidence. */
export function recordEvidence(input: TRecordEvidence): EvidenceInput {
  return {
    title: input.title,
    kind: 'record',
    fileName: `${input.title.slice(0, 60)}.txt`,
    mediaType: 'text/plain; charset=utf-8',
    content: new TextEncoder().encode(input.text),
    supersedes: input.supersedes ?? null,
  };
}

/**
 * Adds evidence to a case. The server hashes the bytes; the core's `add_evidence` step
 * decides (investigators only, under investigation, never the same bytes twice, a
 * correction only supersedes); the bytes, the case's new record, the timeline entry and the
 * audit entry are stored in one transaction, and the evidence row's trigger queues it for
 * the tamper-evident log in that same transaction. Returns the evidence id.
 */
export async function addEvidence(platform: Platform, viewer: CaseViewer, id: number, input: EvidenceInput) {
  const now = platform.clock.now();
  const hash = evidenceHash(platform, input.content);
  return platform.database.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, viewer, id);
    const repository = new CasesRepository(trx);
    const record = row.record as CaseRecord;
    if (input.supersedes !== null && !(await repository.findEvidence(id, input.supersedes))) {
      throw new NotFoundError(`Evidence ${input.supersedes}`, 'evidence_not_found');
    }
    const claim = (evidenceId: string) => ({
      evidenceId,
      title: input.title,
      hash: hash.hex,
      ...(input.supersedes !== null ? { supersedes: String(input.supersedes) } : {}),
    });
    // Asked once before anything is written, so a refusal (the same bytes twice, not an
    // investigator) is the core's answer and not the table's unique constraint.
    askCore(viewer, record, 'add_evidence', claim('pending'), now);
    const evidenceId = await repository.insertEvidence({
      case_id: id,
      title: input.title,
      kind: input.kind,
      file_name: input.fileName,
      media_type: input.mediaType,
      size: input.content.length,
      hash_name: hash.name,
      hash: hash.hex,
      content: input.content,
      supersedes_id: input.supersedes,
      added_by: viewer.userId,
      added_by_name: viewer.displayName,
      added_at: now,
    });
    const result = askCore(viewer, record, 'add_evidence', claim(String(evidenceId)), now);
    const summary = {
      evidence: input.title,
      hash: hash.hex,
      ...(input.supersedes !== null ? { supersedes: input.supersedes } : {}),
    };
    await storeCaseStep(trx, viewer, id, result, summary, now);
    return evidenceId;
  });
}

/** An evidence file's bytes for a reader of the case; every download is audited. */
export async function downloadEvidence(platform: Platform, viewer: CaseViewer, id: number, evidenceId: number) {
  const db = platform.database.db;
  await openCase(db, viewer, id);
  const evidence = await new CasesRepository(db).findEvidence(id, evidenceId);
  if (!evidence) throw new NotFoundError(`Evidence ${evidenceId}`, 'evidence_not_found');
  await recordAudit(db, viewer.actor, {
    action: 'case.evidence.download',
    objectType: 'case',
    objectId: id,
    detail: { evidenceId, hash: evidence.hash },
  });
  return evidence;
}
