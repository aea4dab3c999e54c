import { ModelSpecError } from './errors.js';
import type { Geofence, ModelParameter, ModelSpec, ParamValue } from './spec-types.js';

/** Parameter values by key, after defaults and checks. */
export type ResolvedParams = Readonly<Record<string, ParamValue>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isGeofence(value: unknown): value is Geofence {
  const g = value as Geofence;
  return (
    typeof g === 'object' &&
    g !== null &&
    typeof g.name === 'string' &&
    [g.lat, g.lon, g.radiusKm].every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

/** Checks one value against its declaration; returns a message or undefined when it is fine. */
export function checkParamValue(def: ModelParameter, value: ParamValue): string | undefined {
  if (value === null) return undefined;
  switch (def.type) {
    case 'int':
    case 'number':
    case 'money': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (def.type === 'int' && !Number.isInteger(value)) return 'must be a whole number';
      if (def.min !== undefined && value < def.min) return `must be at least ${def.min}`;
      if (def.max !== undefined && value > def.max) return `must be at most ${def.max}`;
      return undefined;
    }
    case 'date':
      return typeof value === 'string' && DATE.test(value) ? undefined : 'must be a date YYYY-MM-DD';
    case 'text':
      if (typeof value !== 'string') return 'must be text';
      return def.options && !def.options.includes(value) ? `must be one of ${def.options.join(', ')}` : undefined;
    case 'bool':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'text_list':
    case 'date_list': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return 'must be a list of text';
      if (def.type === 'date_list' && !value.every((v: string) => DATE.test(v))) return 'must be a list of dates';
      const bad = def.options ? value.filter((v: string) => !def.options?.includes(v)) : [];
      return bad.length > 0 ? `has unknown values ${bad.join(', ')}` : undefined;
    }
    case 'geofences':
      return Array.isArray(value) && value.every(isGeofence)
        ? undefined
        : 'must be a list of {name, lat, lon, radiusKm}';
  }
}

/**
 * The model's parameters with `overrides` applied over the defaults. Throws a
 * ModelSpecError naming the parameter for an unknown key or a value out of type or range.
 */
export function resolveParams(spec: ModelSpec, overrides: Readonly<Record<string, unknown>> = {}): ResolvedParams {
  const out: Record<string, ParamValue> = {};
  for (const key of Object.keys(overrides)) {
    if (!spec.parameters.some((p) => p.key === key)) {
      throw new ModelSpecError(`params.${key}`, `model ${spec.id} has no parameter "${key}"`);
    }
  }
  for (const def of spec.parameters) {
    const value = (key(overrides, def.key) ? overrides[def.key] : def.default) as ParamValue;
    const problem = checkParamValue(def, value ?? null);
    if (problem !== undefined) throw new ModelSpecError(`params.${def.key}`, problem);
    out[def.key] = value ?? null;
  }
  return out;
}

function key(obj: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, k) && (obj as Record<string, unknown>)[k] !== undefined;
}
