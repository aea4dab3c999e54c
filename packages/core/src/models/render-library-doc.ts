import { code, table } from '../markdown.js';
import { standardCodeLabels } from '../standard/value-labels.js';
import { MODEL_CATEGORIES } from './categories.js';
import { INDICATOR_NOTES, WITHDRAWN_INDICATORS } from './library/indicator-notes.js';
import { BUILTIN_MODELS } from './library/index.js';
import type { ModelParameter, ModelSpec, ParamValue } from './spec-types.js';
import { describeWarningUnit } from './warning-unit.js';

const SEVERITY: Readonly<Record<ModelSpec['severity'], string>> = {
  red: '红 red',
  orange: '橙 orange',
  yellow: '黄 yellow',
};

const TYPES: Readonly<Record<ModelParameter['type'], string>> = {
  int: '整数 whole number',
  number: '数值 number',
  money: '金额 amount',
  date: '日期 date',
  text: '文本 text',
  bool: '是否 yes/no',
  text_list: '文本列表 list of text',
  date_list: '日期列表 list of dates',
  geofences: '地理围栏 geofences',
};

const UNITS: Readonly<Record<NonNullable<ModelParameter['unit']>, string>> = {
  days: '天 days',
  hours: '小时 hours',
  yuan: '元 yuan',
  percent: '% percent',
  ratio: '比例 ratio',
  km: '公里 km',
  count: '个 count',
  year: '年 years',
  mu: '亩 mu',
};

/** A code in words, the code itself after it for whoever sets the parameter by API or CLI. */
function worded(text: string): string {
  const label = standardCodeLabels().get(text);
  return label === undefined ? text : `${label.zh} ${label.en} (${code(text)})`;
}

function shown(value: ParamValue): string {
  if (value === null) return '（未设 / not set）';
  if (typeof value === 'boolean') return value ? '是 yes' : '否 no';
  if (typeof value === 'object') return value.map((v) => (typeof v === 'string' ? worded(v) : v.name)).join('; ');
  return String(value);
}

function bounds(p: ModelParameter): string {
  if (p.options) return p.options.map(worded).join('; ');
  if (p.min === undefined && p.max === undefined) return '';
  return `${p.min ?? '…'} – ${p.max ?? '…'}`;
}

function modelSection(model: ModelSpec): string[] {
  const note = INDICATOR_NOTES[model.id];
  const withdrawn = WITHDRAWN_INDICATORS[model.id];
  const unit = describeWarningUnit(model);
  const lines = [
    `### ${model.id} ${model.name.zh} / ${model.name.en}`,
    '',
    `- 严重程度 / severity: ${SEVERITY[model.severity]}; 版本 / version ${model.version}`,
    `- 读取 / reads: ${model.inputs.map(code).join(', ')}`,
    `- 增量 / incremental: ${
      model.incremental === false
        ? '否，始终全量 / no, always in full'
        : `新批次驱动 / driven by new rows of ${model.incremental.drivers.map(code).join(', ')}`
    }`,
    `- 一条预警 / one warning: ${unit.zh} / ${unit.en}`,
    `- 依据 / basis: ${model.basis.zh} / ${model.basis.en}`,
    `- 处置建议 / handling: ${model.handling.zh} / ${model.handling.en}`,
  ];
  if (model.indicator) lines.push(`- Open Contracting: ${model.indicator}`);
  lines.push('');
  if (model.parameters.length > 0) {
    lines.push(
      ...table(
        ['参数 key', '名称', 'Name', '类型 type', '默认 default', '范围或取值 range / options', '单位 unit'],
        model.parameters.map((p) => [
          code(p.key),
          p.label.zh,
          p.label.en,
          TYPES[p.type],
          shown(p.default),
          bounds(p),
          p.unit === undefined ? '' : UNITS[p.unit],
        ]),
      ),
      '',
    );
  }
  if (note) lines.push(`**复现指标 / Reproducing the indicator.** ${note.zh}`, '', note.en, '');
  if (withdrawn)
    lines.push(`**参照指标，不声称复现 / After an indicator, not claimed.** ${withdrawn.zh}`, '', withdrawn.en, '');
  return lines;
}

/** The built-in model library as a Markdown document (docs/model-library.md). */
export function renderLibraryDoc(models: readonly ModelSpec[] = BUILTIN_MODELS): string {
  const known = new Set<string>(MODEL_CATEGORIES.map((c) => c.code));
  const others = [...new Set(models.map((m) => m.category).filter((c) => !known.has(c)))];
  const categories = [...MODEL_CATEGORIES, ...others.map((c) => ({ code: c, label: { zh: c, en: c } }))];
  const lines = [
    '# 清风比对模型库 / Qingfeng model library',
    '',
    '<!-- 由 `npm run docs:models` 从内置模型生成，请勿手工编辑。 -->',
    '<!-- Generated from the built-in models by `npm run docs:models`; do not edit by hand. -->',
    '',
    '每个模型是一份有版本的文档；在系统中修改参数会生成新版本并记录修改人、时间和理由。下表为内置版本的默认参数。',
    '',
    'Each model is a versioned document; changing a parameter in the system makes a new version with who, when ' +
      'and why. The tables give the built-in versions and their defaults.',
    '',
    '**一个问题一条预警。** 每个模型写明哪些值构成一条预警（“一条预警”一行）：同一人同一项目死亡后多月被发放，是一条预警，' +
      '列出每一笔证据、所跨期间、笔数与合计金额。增量运行发现同一问题的新记录（新一个月的发放、新的死亡记录）时，' +
      '把证据加入已有预警并重算期间、笔数与合计，不新建预警，也不再弹窗；同一文件强制重复导入的记录按其自然键只计一次。' +
      '已被确认、排除或判为无需处置的预警获得新证据时保持原状态，并在处置记录中写明“运行新增证据”：' +
      '处置人判断的是这个问题，同一问题多出的记录不改变判断，但他应当看到；若新证据足以推翻判断，由其重新改判。',
    '',
    '**One warning per problem.** Each model says which values make one warning (its "one warning" line): a ' +
      'person paid for several months after death under one programme is one warning listing every evidence row, ' +
      'the period they span, their count and total. An incremental run that finds more rows of the same problem ' +
      '(another month paid, a new death record) adds them to the existing warning and works out its period, count ' +
      'and total again; it makes no new warning and no new pop-up. A row imported twice (a forced re-import) counts ' +
      'once, by its natural key. A warning already confirmed, closed as a false positive or as not actionable keeps ' +
      'its status when evidence is added, and its trace records "evidence added by a run": the handler judged the ' +
      'problem, which more rows of the same problem do not change, but they should see them, and may judge again.',
    '',
    ...table(
      ['模型 model', '中文名', 'English', '类别 category', '严重程度 severity'],
      models.map((m) => [code(m.id), m.name.zh, m.name.en, m.category, SEVERITY[m.severity]]),
    ),
    '',
  ];
  for (const category of categories) {
    const inCategory = models.filter((m) => m.category === category.code);
    if (inCategory.length === 0) continue;
    lines.push(`## ${category.code} ${category.label.zh} / ${category.label.en}`, '');
    for (const model of inCategory) lines.push(...modelSection(model));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
