import { readFileSync } from 'node:fs';

/** One inclusion probe of transparency-dev/merkle's testdata (hashes in base64). */
export interface InclusionProbe {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
  file: string;
}

/** One consistency probe of transparency-dev/merkle's testdata (hashes in base64). */
export interface ConsistencyProbe {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
  file: string;
}

/**
 * The probes of transparency-dev/merkle's testdata/inclusion and testdata/consistency, each
 * JSON file copied unchanged into rfc6962-probes.json (its `source` names the commit): happy
 * paths and every way its authors thought of to break a proof.
 */
export function readRfc6962Probes(): { inclusion: InclusionProbe[]; consistency: ConsistencyProbe[] } {
  const text = readFileSync(new URL('./rfc6962-probes.json', import.meta.url), 'utf8');
  return JSON.parse(text) as { inclusion: InclusionProbe[]; consistency: ConsistencyProbe[] };
}
