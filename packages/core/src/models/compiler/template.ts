import { findDataset } from '../../standard/catalogue.js';
import { ModelSpecError } from '../errors.js';
import type { SqlTemplateLogic } from '../spec-types.js';
import { compileExpr } from './expr.js';
import { factsSql, hitKeySql, relatedSql, severitySql } from './output.js';
import type { Ctx } from './scope.js';
import { factSqlType, type Compiled } from './sql-types.js';

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;

/** The template text for the engine, after checking it reads only catalogue datasets. */
function templateText(logic: SqlTemplateLogic, ctx: Ctx): string {
  const text = 'portable' in logic.sql ? logic.sql.portable : logic.sql[ctx.d.engine];
  if (text.includes(';')) throw new ModelSpecError(`${ctx.path}.sql`, 'a template is one statement without ";"');
  for (const match of text.matchAll(/\bds_([a-z_]+)/g)) {
    if (findDataset(match[1] ?? '') === undefined) {
      throw new ModelSpecError(`${ctx.path}.sql`, `template reads unknown dataset table "${match[0]}"`);
    }
  }
  return text;
}

/** Replaces `{{param}}` by bound parameters (a list becomes a comma-separated list of them). */
function bindPlaceholders(text: string, ctx: Ctx): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const def = ctx.spec.parameters.find((p) => p.key === name);
    if (def === undefined) throw new ModelSpecError(`${ctx.path}.sql`, `unknown parameter {{${name}}}`);
    if (def.type === 'text_list' || def.type === 'date_list') {
      const values = (ctx.params[name] ?? []) as readonly string[];
      const type = def.type === 'date_list' ? 'date' : 'text';
      // An empty list must still parse inside IN (…): NULL matches nothing.
      return values.length === 0
        ? 'NULL'
        : values.map((v, i) => ctx.binder.bind(v, type, `param:${name}:${i}`)).join(', ');
    }
    return compileExpr({ param: name }, ctx).sql;
  });
}

/**
 * Wraps a hand-written template in the output contract: hashes its `key_text` into the
 * hit key and turns its `fact_<name>` columns into the facts JSON, exactly as rules do.
 */
export function compileTemplate(logic: SqlTemplateLogic, ctx: Ctx): { ctes: string[]; selects: string[] } {
  const body = bindPlaceholders(templateText(logic, ctx), ctx);
  const key: Compiled = { sql: 't.key_text', type: 'text' };
  const facts = Object.entries(logic.facts).map(([name, type]) => {
    if (!/^[a-z][a-z0-9_]{0,40}$/.test(name)) throw new ModelSpecError(`${ctx.path}.facts`, `bad fact name "${name}"`);
    return [name, { sql: `t."fact_${name}"`, type: factSqlType(type) }] as const;
  });
  const select =
    `SELECT ${hitKeySql([key], undefined, ctx)} AS hit_key, CAST(t.subject_sk AS BIGINT) AS subject_sk, t.evidence_dataset, t.evidence_batch, ` +
    `t.evidence_row, t.evidence_role, ${factsSql(facts, ctx)} AS facts, ${severitySql([], ctx)} AS severity, ` +
    `${relatedSql([], ctx)} AS related_sks, CAST(NULL AS ${ctx.d.text}) AS item_key FROM (${body}) AS t`;
  return { ctes: [], selects: [select] };
}
