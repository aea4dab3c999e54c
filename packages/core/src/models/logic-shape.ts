import { PORTABLE_FUNCTIONS } from './compiler/functions.js';

/**
 * The shape of a model's logic, checked before anything compiles it: every node kind,
 * operator, function, aggregate and statistic must be one the compiler knows. A document
 * from the builder (or a hand-edited one) is untrusted JSON, and a name the compiler does
 * not know would otherwise fall through to broken SQL, or into the SQL itself.
 */

const LOGIC_KINDS = ['rule', 'union', 'sql'];
const COMPARE_OPS = ['=', '<>', '<', '<=', '>', '>='];
const CONDITION_OPS = [
  ...COMPARE_OPS,
  'in',
  'not_in',
  'is_null',
  'not_null',
  'and',
  'or',
  'not',
  'during',
  'overlaps',
  'contains',
  'exists',
  'not_exists',
  'within_any',
];
const AGGREGATES = ['count', 'sum', 'min', 'max', 'avg'];
const STATS = ['q1', 'q3', 'iqr', 'mean', 'sd', 'n', 'low_fence', 'high_fence'];
const JOINS = ['inner', 'left'];
const SEVERITIES = ['red', 'orange', 'yellow'];
const OUTLIER_METHODS = ['iqr', 'mean_sd'];
const OUTLIER_SIDES = ['high', 'low', 'both'];
/** Expression kinds, in the order the compiler tries them. */
const EXPR_KINDS = ['param', 'value', 'fn', 'agg', 'test', 'case', 'stat', 'lookup'];

type Node = Record<string, unknown>;
type Add = (path: string, message: string) => void;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf(value: unknown, allowed: readonly string[], what: string, path: string, add: Add): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    add(path, `unknown ${what} ${JSON.stringify(value) ?? 'undefined'} (expected one of ${allowed.join(', ')})`);
  }
}

function text(value: unknown, what: string, path: string, add: Add): void {
  if (typeof value !== 'string') add(path, `${what} must be text`);
}

function list(value: unknown, path: string, add: Add, each: (item: unknown, path: string) => void): void {
  if (!Array.isArray(value)) return add(path, 'must be a list');
  value.forEach((item, i) => each(item, `${path}[${i}]`));
}

function optionalList(value: unknown, path: string, add: Add, each: (item: unknown, path: string) => void): void {
  if (value !== undefined) list(value, path, add, each);
}

function checkExpr(expr: unknown, path: string, add: Add): void {
  if (typeof expr === 'string') return;
  if (!isNode(expr)) return add(path, 'must be a column "alias.field" or an expression object');
  const kind = EXPR_KINDS.find((k) => k in expr);
  const cond = (c: unknown, p: string) => checkCondition(c, p, add);
  const exp = (e: unknown, p: string) => checkExpr(e, p, add);
  switch (kind) {
    case 'param':
      return text(expr.param, 'a parameter name', `${path}.param`, add);
    case 'value': {
      const v = expr.value;
      if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) {
        add(`${path}.value`, 'must be text, a number, true/false or null');
      }
      return;
    }
    case 'fn':
      oneOf(expr.fn, PORTABLE_FUNCTIONS, 'function', `${path}.fn`, add);
      return list(expr.args, `${path}.args`, add, exp);
    case 'agg':
      oneOf(expr.agg, AGGREGATES, 'aggregate', `${path}.agg`, add);
      if (expr.arg !== undefined) exp(expr.arg, `${path}.arg`);
      if (expr.filter !== undefined) cond(expr.filter, `${path}.filter`);
      return;
    case 'test':
      return cond(expr.test, `${path}.test`);
    case 'case':
      list(expr.case, `${path}.case`, add, (c, p) => {
        if (!isNode(c)) return add(p, 'must be { when, then }');
        cond(c.when, `${p}.when`);
        exp(c.then, `${p}.then`);
      });
      if (expr.else !== undefined) exp(expr.else, `${path}.else`);
      return;
    case 'stat':
      return oneOf(expr.stat, STATS, 'statistic', `${path}.stat`, add);
    case 'lookup': {
      const lookup = expr.lookup;
      if (!isNode(lookup)) return add(`${path}.lookup`, 'must be { alias, dataset, where, agg }');
      text(lookup.alias, 'an alias', `${path}.lookup.alias`, add);
      text(lookup.dataset, 'a dataset type', `${path}.lookup.dataset`, add);
      list(lookup.where, `${path}.lookup.where`, add, cond);
      oneOf(lookup.agg, AGGREGATES, 'aggregate', `${path}.lookup.agg`, add);
      if (lookup.arg !== undefined) exp(lookup.arg, `${path}.lookup.arg`);
      return;
    }
    default:
      add(path, `unknown expression kind (expected a column "alias.field" or one of ${EXPR_KINDS.join(', ')})`);
  }
}

function checkCondition(cond: unknown, path: string, add: Add): void {
  if (!isNode(cond)) return add(path, 'must be a condition object with an "op"');
  const op = cond.op;
  if (typeof op !== 'string' || !CONDITION_OPS.includes(op)) {
    return oneOf(op, CONDITION_OPS, 'operator', `${path}.op`, add);
  }
  const exp = (e: unknown, p: string) => checkExpr(e, p, add);
  const conds = (cs: unknown, p: string) => list(cs, p, add, (c, q) => checkCondition(c, q, add));
  if (COMPARE_OPS.includes(op)) {
    exp(cond.left, `${path}.left`);
    return exp(cond.right, `${path}.right`);
  }
  switch (op) {
    case 'in':
    case 'not_in':
      exp(cond.left, `${path}.left`);
      if (isNode(cond.list)) return text(cond.list.param, 'a parameter name', `${path}.list.param`, add);
      return list(cond.list, `${path}.list`, add, exp);
    case 'is_null':
    case 'not_null':
      return exp(cond.expr, `${path}.expr`);
    case 'and':
    case 'or':
      return conds(cond.all, `${path}.all`);
    case 'not':
      return checkCondition(cond.cond, `${path}.cond`, add);
    case 'during':
      for (const side of ['at', 'from', 'to']) exp(cond[side], `${path}.${side}`);
      return;
    case 'overlaps':
      for (const side of ['a', 'b']) {
        const pair = cond[side];
        if (!Array.isArray(pair) || pair.length !== 2) add(`${path}.${side}`, 'must be [start, end]');
        else pair.forEach((e, i) => exp(e, `${path}.${side}[${i}]`));
      }
      return;
    case 'contains':
      exp(cond.text, `${path}.text`);
      return exp(cond.part, `${path}.part`);
    case 'exists':
    case 'not_exists':
      text(cond.alias, 'an alias', `${path}.alias`, add);
      text(cond.dataset, 'a dataset type', `${path}.dataset`, add);
      return conds(cond.where, `${path}.where`);
    case 'within_any':
      exp(cond.lat, `${path}.lat`);
      exp(cond.lon, `${path}.lon`);
      if (!isNode(cond.fences)) return add(`${path}.fences`, 'must be { param }');
      return text(cond.fences.param, 'a parameter name', `${path}.fences.param`, add);
  }
}

function checkRule(rule: unknown, path: string, add: Add): void {
  if (!isNode(rule)) return add(path, 'must be a rule object');
  const exp = (e: unknown, p: string) => checkExpr(e, p, add);
  const cond = (c: unknown, p: string) => checkCondition(c, p, add);
  list(rule.sources, `${path}.sources`, add, (source, p) => {
    if (!isNode(source)) return add(p, 'must be { alias, dataset, role }');
    text(source.alias, 'an alias', `${p}.alias`, add);
    text(source.dataset, 'a dataset type', `${p}.dataset`, add);
    text(source.role, 'an evidence role', `${p}.role`, add);
    if (source.join !== undefined) oneOf(source.join, JOINS, 'join', `${p}.join`, add);
    optionalList(source.on, `${p}.on`, add, cond);
    optionalList(source.where, `${p}.where`, add, cond);
  });
  optionalList(rule.where, `${path}.where`, add, cond);
  if (rule.aggregate !== undefined) {
    const agg = rule.aggregate;
    if (!isNode(agg)) add(`${path}.aggregate`, 'must be { groupBy, having }');
    else {
      list(agg.groupBy, `${path}.aggregate.groupBy`, add, exp);
      list(agg.having, `${path}.aggregate.having`, add, cond);
    }
  }
  if (rule.outlier !== undefined) checkOutlier(rule.outlier, `${path}.outlier`, add);
  exp(rule.subject, `${path}.subject`);
  optionalList(rule.related, `${path}.related`, add, exp);
  optionalList(rule.key, `${path}.key`, add, exp);
  if (!isNode(rule.facts)) add(`${path}.facts`, 'must be an object of named values');
  else for (const [name, e] of Object.entries(rule.facts)) exp(e, `${path}.facts.${name}`);
  optionalList(rule.escalate, `${path}.escalate`, add, (x, p) => {
    if (!isNode(x)) return add(p, 'must be { to, when }');
    oneOf(x.to, SEVERITIES, 'severity', `${p}.to`, add);
    cond(x.when, `${p}.when`);
  });
}

function checkOutlier(outlier: unknown, path: string, add: Add): void {
  if (!isNode(outlier)) return add(path, 'must be an outlier test object');
  const exp = (e: unknown, p: string) => checkExpr(e, p, add);
  exp(outlier.value, `${path}.value`);
  list(outlier.partitionBy, `${path}.partitionBy`, add, exp);
  oneOf(outlier.method, OUTLIER_METHODS, 'outlier method', `${path}.method`, add);
  exp(outlier.k, `${path}.k`);
  oneOf(outlier.side, OUTLIER_SIDES, 'outlier side', `${path}.side`, add);
  if (outlier.minCount !== undefined) exp(outlier.minCount, `${path}.minCount`);
}

/**
 * Everything in a model's logic the compiler would not recognise, as `path: message`
 * naming the place (`logic.sources[1].on[0].op: unknown operator "~"`); empty when every
 * node is one it knows. SQL templates are checked elsewhere (their own parser).
 */
export function checkLogicShape(logic: unknown): string[] {
  const issues: string[] = [];
  const add: Add = (path, message) => issues.push(`${path}: ${message}`);
  if (!isNode(logic)) return ['logic: must be an object with a "kind"'];
  oneOf(logic.kind, LOGIC_KINDS, 'logic kind', 'logic.kind', add);
  if (logic.kind === 'rule') checkRule(logic, 'logic', add);
  if (logic.kind === 'union') {
    list(logic.branches, 'logic.branches', add, (branch, p) => {
      checkRule(branch, p, add);
      if (isNode(branch)) text(branch.name, 'a branch name', `${p}.name`, add);
    });
  }
  return issues;
}
