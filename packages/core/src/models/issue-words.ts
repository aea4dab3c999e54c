import { findDataset } from '../standard/catalogue.js';
import type { LocalisedText } from '../standard/result.js';
import { standardCodeLabels, type Lang } from '../standard/value-labels.js';
import type { ModelSpec } from './spec-types.js';

/**
 * What is wrong with a model document, for the person building it: the place as the
 * builder names it (not a JSON path, not an engine) and the problem in their language.
 */
export interface ModelIssue {
  /** Where in the document (`parameters[0].default`, `logic.sources[1].on[0]`), for tools. */
  readonly path: string;
  readonly message: LocalisedText;
}

const TOP: Readonly<Record<string, LocalisedText>> = {
  id: { zh: '模型编号', en: 'Model ID' },
  version: { zh: '版本', en: 'Version' },
  name: { zh: '模型名称', en: 'Model name' },
  category: { zh: '类别', en: 'Category' },
  severity: { zh: '严重程度', en: 'Severity' },
  basis: { zh: '政策依据', en: 'Basis' },
  explanation: { zh: '预警说明', en: 'Explanation' },
  handling: { zh: '处置建议', en: 'Handling' },
  inputs: { zh: '读取的数据集', en: 'Datasets read' },
  incremental: { zh: '增量运行', en: 'Incremental runs' },
  'incremental.drivers': { zh: '增量运行', en: 'Incremental runs' },
  document: { zh: '模型文档', en: 'Model document' },
  params: { zh: '参数', en: 'Parameters' },
};

const LOGIC_PARTS: readonly [RegExp, LocalisedText][] = [
  [/^where\b/, { zh: '比对条件', en: 'Conditions' }],
  [/^aggregate\b/, { zh: '分组与阈值', en: 'Grouping and thresholds' }],
  [/^subject\b/, { zh: '主体', en: 'Subject' }],
  [/^related\b/, { zh: '其他主体', en: 'Other subjects' }],
  [/^key\b/, { zh: '命中键', en: 'Hit key' }],
  [/^escalate\b/, { zh: '升级规则', en: 'Escalation' }],
  [/^outlier\b/, { zh: '离群检验', en: 'Outlier test' }],
  [/^sql\b/, { zh: 'SQL 模板', en: 'SQL template' }],
];

function parameterName(spec: ModelSpec | undefined, index: number | undefined, key?: string): string {
  const parameter = index === undefined ? spec?.parameters.find((p) => p.key === key) : spec?.parameters[index];
  const name = parameter?.label.zh || parameter?.key || key || String((index ?? 0) + 1);
  return name;
}

/** The place a path names, as the builder calls it. */
export function placeWords(path: string, spec: ModelSpec | undefined, lang: Lang): string {
  const top = TOP[path];
  if (top) return top[lang];
  const param = /^parameters\[(\d+)\](?:\.(default|label))?/.exec(path);
  if (param) {
    const index = Number(param[1]);
    const p = spec?.parameters[index];
    const name = lang === 'zh' ? parameterName(spec, index) : p?.label.en || p?.key || String(index + 1);
    const part =
      param[2] === 'default'
        ? lang === 'zh'
          ? '的默认值'
          : ': default'
        : param[2] === 'label'
          ? lang === 'zh'
            ? '的名称'
            : ': name'
          : '';
    return lang === 'zh' ? `参数“${name}”${part}` : `Parameter "${name}"${part}`;
  }
  const given = /^params\.([a-z0-9_]+)/.exec(path);
  if (given) {
    const p = spec?.parameters.find((x) => x.key === given[1]);
    const name = (lang === 'zh' ? p?.label.zh : p?.label.en) || given[1];
    return lang === 'zh' ? `参数“${name}”` : `Parameter "${name}"`;
  }
  let rest = path.replace(/^logic\.?/, '');
  let prefix = '';
  const branch = /^branches\[(\d+)\]\.?/.exec(rest);
  if (branch) {
    prefix = lang === 'zh' ? `分支 ${Number(branch[1]) + 1} · ` : `Branch ${Number(branch[1]) + 1} · `;
    rest = rest.slice(branch[0].length);
  }
  const source = /^sources\[(\d+)\](?:\.(on|where))?/.exec(rest);
  if (source) {
    const n = Number(source[1]) + 1;
    const part =
      source[2] === 'on'
        ? lang === 'zh'
          ? '的关联键'
          : ', join keys'
        : source[2] === 'where'
          ? lang === 'zh'
            ? '的筛选条件'
            : ', filters'
          : '';
    return `${prefix}${lang === 'zh' ? `数据集 ${n}${part}` : `Dataset ${n}${part}`}`;
  }
  const fact = /^facts\.([a-z0-9_]+)/.exec(rest);
  if (fact) return `${prefix}${lang === 'zh' ? `说明字段 {${fact[1]}}` : `Explanation value {${fact[1]}}`}`;
  for (const [pattern, words] of LOGIC_PARTS) if (pattern.test(rest)) return `${prefix}${words[lang]}`;
  return `${prefix}${lang === 'zh' ? '比对逻辑' : 'Model logic'}`;
}

const TYPE_WORDS: Readonly<Record<string, LocalisedText>> = {
  text: { zh: '文本', en: 'text' },
  int: { zh: '整数', en: 'whole number' },
  number: { zh: '数字', en: 'number' },
  num: { zh: '数字', en: 'number' },
  sk: { zh: '主体', en: 'subject' },
  money: { zh: '金额', en: 'amount of money' },
  date: { zh: '日期', en: 'date' },
  timestamp: { zh: '时间', en: 'time' },
  bool: { zh: '是否', en: 'yes/no' },
  subject: { zh: '主体', en: 'subject' },
};

const KIND_WORDS: Readonly<Record<string, string>> = {
  operator: '运算符',
  function: '函数',
  aggregate: '汇总函数',
  statistic: '统计量',
  join: '关联方式',
  severity: '严重程度',
  'logic kind': '逻辑类型',
};

const typeWord = (type: string, lang: Lang) => TYPE_WORDS[type]?.[lang] ?? type;
const datasetWord = (key: string, lang: Lang) => findDataset(key)?.name[lang] ?? key;
const codeWords = (codes: string, lang: Lang) =>
  codes
    .split(', ')
    .map((c) => standardCodeLabels().get(c)?.[lang] ?? c)
    .join(lang === 'zh' ? '、' : ', ');

type Words = (m: RegExpExecArray) => LocalisedText;

/**
 * The problems the validator, the parameter check and the compiler report, in words. The
 * engine's own sentence is the key; a message not listed keeps its English beside the
 * Chinese lead (the test lists every message a builder-made document can reach).
 */
const MESSAGES: readonly [RegExp, Words][] = [
  [/^must be a positive whole number$/, () => ({ zh: '须为正整数', en: 'must be a positive whole number' })],
  [/^needs zh and en$/, () => ({ zh: '中文和英文都须填写', en: 'needs both Chinese and English' })],
  [/^unknown severity "(.*)"$/, (m) => ({ zh: `未知的严重程度“${m[1]}”`, en: `unknown severity "${m[1]}"` })],
  [
    /^bad or repeated key "(.*)"$/,
    (m) => ({
      zh: `参数代码“${m[1]}”格式有误或重复：须以小写字母开头，只含小写字母、数字和 _`,
      en: `code "${m[1]}" is malformed or repeated: start with a lower-case letter; letters, digits and _ only`,
    }),
  ],
  [/^must be a number$/, () => ({ zh: '须为数字', en: 'must be a number' })],
  [/^must be a whole number$/, () => ({ zh: '须为整数', en: 'must be a whole number' })],
  [/^must be at least (.*)$/, (m) => ({ zh: `不能小于 ${m[1]}`, en: `must be at least ${m[1]}` })],
  [/^must be at most (.*)$/, (m) => ({ zh: `不能大于 ${m[1]}`, en: `must be at most ${m[1]}` })],
  [/^must be a date YYYY-MM-DD$/, () => ({ zh: '须为日期（年-月-日）', en: 'must be a date (YYYY-MM-DD)' })],
  [/^(?:.* )?must be text$/, () => ({ zh: '须为文本', en: 'must be text' })],
  [
    /^must be one of (.*)$/,
    (m) => ({
      zh: `须为以下之一：${codeWords(m[1] ?? '', 'zh')}`,
      en: `must be one of ${codeWords(m[1] ?? '', 'en')}`,
    }),
  ],
  [/^must be true or false$/, () => ({ zh: '须为“是”或“否”', en: 'must be yes or no' })],
  [/^must be a list of text$/, () => ({ zh: '须为文本列表', en: 'must be a list of text' })],
  [/^must be a list of dates$/, () => ({ zh: '须为日期列表', en: 'must be a list of dates' })],
  [/^has unknown values (.*)$/, (m) => ({ zh: `含未知取值：${m[1]}`, en: `has unknown values ${m[1]}` })],
  [
    /^must be a list of \{name, lat, lon, radiusKm\}$/,
    () => ({
      zh: '须为地理围栏列表（名称、纬度、经度、半径）',
      en: 'must be a list of geofences (name, latitude, longitude, radius)',
    }),
  ],
  [
    /^model (.*) has no parameter "(.*)"$/,
    (m) => ({ zh: `模型没有参数“${m[2]}”`, en: `the model has no parameter "${m[2]}"` }),
  ],
  [/^unknown dataset "(.*)"$/, (m) => ({ zh: `未知的数据集“${m[1]}”`, en: `unknown dataset "${m[1]}"` })],
  [
    /^logic reads "(.*)" which is not listed in inputs$/,
    (m) => ({
      zh: `比对逻辑读取了“${datasetWord(m[1] ?? '', 'zh')}”，但它不在读取的数据集中`,
      en: `the logic reads "${datasetWord(m[1] ?? '', 'en')}", which is not among the datasets read`,
    }),
  ],
  [
    /^SQL templates always run in full$/,
    () => ({ zh: 'SQL 模板只能全量运行', en: 'SQL templates always run in full' }),
  ],
  [
    /^outlier tests need every row: set false$/,
    () => ({
      zh: '离群检验需要全部数据，不能增量运行',
      en: 'an outlier test needs every row: it cannot run incrementally',
    }),
  ],
  [
    /^"(.*)" is not an input$/,
    (m) => ({
      zh: `“${datasetWord(m[1] ?? '', 'zh')}”不是读取的数据集`,
      en: `"${datasetWord(m[1] ?? '', 'en')}" is not among the datasets read`,
    }),
  ],
  [
    /^no source plays the role "(.*)"$/,
    (m) => ({
      zh: `没有数据源承担“${m[1]}”这一证据角色，无法按它计数`,
      en: `no source plays the evidence role "${m[1]}" the warning counts`,
    }),
  ],
  [
    /^"(.*)" is not a fact of every branch$/,
    (m) => ({
      zh: `“${m[1]}”不是每个分支都给出的说明字段`,
      en: `"${m[1]}" is not a value every branch gives`,
    }),
  ],
  [
    /^placeholder \{(.*)\} is not a fact of every branch$/,
    (m) => ({
      zh: `占位符 {${m[1]}} 不是可用的说明字段`,
      en: `placeholder {${m[1]}} is not a value every branch gives`,
    }),
  ],
  [
    /^bad model id "(.*)"$/,
    () => ({
      zh: '须以字母开头，只含字母、数字、_ 或 -，最多 41 个字符',
      en: 'must start with a letter and hold only letters, digits, _ or - (at most 41)',
    }),
  ],
  [
    /^alias "(.*)" must be a-z, 0-9, _ starting with a letter$/,
    (m) => ({
      zh: `别名“${m[1]}”须以小写字母开头，只含小写字母、数字和 _`,
      en: `alias "${m[1]}" must start with a letter; a-z, 0-9 and _ only`,
    }),
  ],
  [/^alias "(.*)" is used twice$/, (m) => ({ zh: `别名“${m[1]}”重复使用`, en: `alias "${m[1]}" is used twice` })],
  [/^unknown dataset type "(.*)"$/, (m) => ({ zh: `未知的数据集“${m[1]}”`, en: `unknown dataset "${m[1]}"` })],
  [
    /^"(.*)" is not a column reference \(alias\.field\)$/,
    (m) => ({ zh: `“${m[1]}”不是字段（别名.字段）`, en: `"${m[1]}" is not a field (alias.field)` }),
  ],
  [
    /^unknown alias "(.*)" in "(.*)"$/,
    (m) => ({ zh: `“${m[2]}”中的别名“${m[1]}”不存在`, en: `"${m[2]}" names no dataset "${m[1]}"` }),
  ],
  [
    /^dataset "(.*)" has no field "(.*)"$/,
    (m) => ({
      zh: `数据集“${datasetWord(m[1] ?? '', 'zh')}”没有字段“${m[2]}”`,
      en: `dataset "${datasetWord(m[1] ?? '', 'en')}" has no field "${m[2]}"`,
    }),
  ],
  [
    /^"(.*)": only identity-number fields have \.birth_date, \.sex, \.region$/,
    (m) => ({
      zh: `“${m[1]}”：只有身份证号字段才有出生日期、性别和籍贯地区`,
      en: `"${m[1]}": only identity numbers give a birth date, sex and region`,
    }),
  ],
  [
    /^a template is one statement without ";"$/,
    () => ({ zh: 'SQL 模板只能是一条语句，不能含“;”', en: 'a template is one statement, without ";"' }),
  ],
  [
    /^template reads unknown dataset table "(.*)"$/,
    (m) => ({ zh: `SQL 模板读取了未知的数据表“${m[1]}”`, en: `the template reads an unknown table "${m[1]}"` }),
  ],
  [
    /^unknown parameter (?:\{\{(.*)\}\}|"(.*)")$/,
    (m) => ({ zh: `未知参数“${m[1] ?? m[2]}”`, en: `unknown parameter "${m[1] ?? m[2]}"` }),
  ],
  [
    /^list parameter "(.*)" can only be used with in\/not_in\/within_any$/,
    (m) => ({
      zh: `列表参数“${m[1]}”只能用于“属于”“不属于”或“在围栏内”条件`,
      en: `the list parameter "${m[1]}" can only be used with "is one of", "is none of" or "inside a geofence"`,
    }),
  ],
  [/^unknown aggregate "(.*)"$/, (m) => ({ zh: `未知的汇总函数“${m[1]}”`, en: `unknown aggregate "${m[1]}"` })],
  [
    /^aggregate (.*)\(\) is only allowed in an aggregate rule$/,
    (m) => ({
      zh: `汇总函数 ${m[1]}() 只能用于分组与阈值`,
      en: `the aggregate ${m[1]}() belongs in grouping and thresholds`,
    }),
  ],
  [/^(.*)\(\) needs an argument$/, (m) => ({ zh: `${m[1]}() 需要一个参数`, en: `${m[1]}() needs an argument` })],
  [/^unknown statistic "(.*)"$/, (m) => ({ zh: `未知的统计量“${m[1]}”`, en: `unknown statistic "${m[1]}"` })],
  [/^unrecognised expression /, () => ({ zh: '无法识别的表达式', en: 'unrecognised expression' })],
  [
    /^a subject key can only be compared with another subject key$/,
    () => ({
      zh: '主体（身份证号或统一社会信用代码）只能与另一个主体比较',
      en: 'a subject (identity number or credit code) can only be compared with another subject',
    }),
  ],
  [
    /^cannot compare (\w+) with (\w+)$/,
    (m) => ({
      zh: `不能比较${typeWord(m[1] ?? '', 'zh')}与${typeWord(m[2] ?? '', 'zh')}`,
      en: `cannot compare a ${typeWord(m[1] ?? '', 'en')} with a ${typeWord(m[2] ?? '', 'en')}`,
    }),
  ],
  [
    /^parameter "(.*)" is not a list$/,
    (m) => ({ zh: `参数“${m[1]}”不是列表`, en: `parameter "${m[1]}" is not a list` }),
  ],
  [
    /^parameter "(.*)" is not a geofence list$/,
    (m) => ({ zh: `参数“${m[1]}”不是地理围栏列表`, en: `parameter "${m[1]}" is not a list of geofences` }),
  ],
  [/^a union needs at least one branch$/, () => ({ zh: '至少需要一个分支', en: 'needs at least one branch' })],
  [/^a rule needs at least one source$/, () => ({ zh: '至少需要一个数据集', en: 'needs at least one dataset' })],
  [/^the first source cannot join$/, () => ({ zh: '第一个数据集不设关联方式', en: 'the first dataset joins nothing' })],
  [
    /^incremental driver "(.*)" must be an inner source$/,
    (m) => ({
      zh: `增量运行所依据的数据集“${m[1]}”须为必须匹配的关联`,
      en: `the dataset "${m[1]}" driving incremental runs must be an inner join`,
    }),
  ],
  [
    /^dataset type "(.*)" has no natural key: give the rule a key$/,
    (m) => ({
      zh: `数据集“${datasetWord(m[1] ?? '', 'zh')}”没有自然键，请指定命中键`,
      en: `dataset "${datasetWord(m[1] ?? '', 'en')}" has no natural key: give the rule a hit key`,
    }),
  ],
  [
    /^must be a subject field$/,
    () => ({
      zh: '须为主体字段（身份证号或统一社会信用代码）',
      en: 'must be a subject field (identity number or credit code)',
    }),
  ],
  [/^groupBy is empty$/, () => ({ zh: '未选择分组字段', en: 'no field to group by' })],
  [/^unknown function "(.*)"$/, (m) => ({ zh: `未知函数“${m[1]}”`, en: `unknown function "${m[1]}"` })],
  [
    /^(.*)\(\) takes (.*) arguments$/,
    (m) => ({ zh: `${m[1]}() 需要 ${m[2]} 个参数`, en: `${m[1]}() takes ${m[2]} arguments` }),
  ],
  [/^distance_km\(\) needs numbers$/, () => ({ zh: '距离计算需要数字', en: 'the distance needs numbers' })],
  [
    /^unknown (operator|function|aggregate|statistic|join|severity|logic kind) (.*) \(expected one of .*\)$/,
    (m) => ({ zh: `未知的${KIND_WORDS[m[1] ?? ''] ?? ''} ${m[2]}`, en: `unknown ${m[1]} ${m[2]}` }),
  ],
  [/^unknown operator (.*)$/, (m) => ({ zh: `未知的运算符 ${m[1]}`, en: `unknown operator ${m[1]}` })],
  [/^must be a list$/, () => ({ zh: '须为列表', en: 'must be a list' })],
  [/^must be .*$/, (m) => ({ zh: '结构有误', en: m[0] })],
  [/^unknown expression kind/, () => ({ zh: '未知的表达式类型', en: 'unknown kind of expression' })],
];

/** An engine's message in words; one not listed keeps its English after a Chinese lead. */
export function messageWords(message: string): LocalisedText {
  for (const [pattern, words] of MESSAGES) {
    const m = pattern.exec(message);
    if (m) return words(m);
  }
  return { zh: `有误（${message}）`, en: message };
}

/** One issue of a document: its place and its problem, in both languages. */
export function issueOf(path: string, message: string, spec: ModelSpec | undefined): ModelIssue {
  const words = messageWords(message);
  return {
    path,
    message: {
      zh: `${placeWords(path, spec, 'zh')}：${words.zh}`,
      en: `${placeWords(path, spec, 'en')}: ${words.en}`,
    },
  };
}
