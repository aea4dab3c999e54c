import { code, table } from '../markdown.js';
import type { DatasetType, EnumValue, FieldDef } from './catalogue-types.js';
import { listDatasets } from './catalogue.js';
import { FIELD_TYPES } from './field-types.js';
import { type BenefitProgramme, RESIDENCE_CONDITION_LABELS, listProgrammes } from './programmes.js';

/** What the document is rendered from; the built-in catalogue unless a test passes its own. */
export interface CatalogueDocInput {
  readonly datasets: readonly DatasetType[];
  readonly programmes: readonly BenefitProgramme[];
}

const CYCLE_LABELS: Readonly<Record<BenefitProgramme['cycle'], string>> = {
  monthly: '按月 monthly',
  quarterly: '按季 quarterly',
  yearly: '按年 yearly',
  one_off: '一次性 one-off',
  as_needed: '按需 as needed',
};

/** Enum fields whose codes are exactly the programme registry point to it instead of repeating it. */
function isProgrammeEnum(values: readonly EnumValue[], programmes: readonly BenefitProgramme[]): boolean {
  const keys = new Set(programmes.map((p) => p.key));
  return values.length === keys.size && values.every((v) => keys.has(v.code));
}

function fieldRows(dataset: DatasetType): string[][] {
  return dataset.fields.map((f) => [
    code(f.key),
    f.label.zh,
    f.label.en,
    code(f.type),
    f.required ? '是 yes' : '否 no',
    f.synonyms.join('、'),
  ]);
}

function enumSection(field: FieldDef & { type: 'enum' }, programmes: readonly BenefitProgramme[]): string[] {
  const title = `**${code(field.key)} ${field.label.zh} / ${field.label.en}**`;
  if (isProgrammeEnum(field.values, programmes)) {
    return [
      title,
      '',
      '代码为惠民惠农项目登记表中的项目，见下文。 / Codes are the benefit programmes listed below.',
      '',
    ];
  }
  const rows = field.values.map((v) => [code(v.code), v.label.zh, v.label.en, v.terms.join('、')]);
  return [title, '', ...table(['代码 code', '中文', 'English', '也接受 also accepted'], rows), ''];
}

function keyText(fields: readonly string[]): string {
  return fields.map(code).join(' + ');
}

/** The natural key and the other keys checked for duplicates, when the type declares them. */
function keyLines(dataset: DatasetType): string[] {
  if (dataset.naturalKey === undefined) return [];
  const lines = [`自然键 / Natural key: ${keyText(dataset.naturalKey)}`, ''];
  const others = dataset.alternateKeys ?? [];
  if (others.length > 0) lines.push(`另查重复 / Also checked for duplicates: ${others.map(keyText).join('; ')}`, '');
  const owners = (dataset.belongsTo ?? []).map((r) => `${code(r.field)} → ${code(`${r.dataset}.${r.key}`)}`);
  if (owners.length > 0) {
    lines.push(
      `无行政区划时归属 / Without a division, lies where it belongs: ${owners.join('; ')}; else its batch's organisation`,
      '',
    );
  }
  return lines;
}

function datasetSection(dataset: DatasetType, programmes: readonly BenefitProgramme[]): string[] {
  const lines = [
    `## ${code(dataset.key)} ${dataset.name.zh} / ${dataset.name.en}`,
    '',
    `来源 / Source: ${dataset.source.zh} / ${dataset.source.en}`,
    '',
    ...keyLines(dataset),
    ...table(['字段 key', '中文', 'English', '类型 type', '必填 required', '同义词 synonyms'], fieldRows(dataset)),
    '',
  ];
  const enums = dataset.fields.filter((f): f is FieldDef & { type: 'enum' } => f.type === 'enum');
  if (enums.length > 0) {
    lines.push('枚举代码 / Enum codes', '');
    for (const field of enums) lines.push(...enumSection(field, programmes));
  }
  return lines;
}

function ageText(p: BenefitProgramme): string {
  if (p.minAge !== null && p.maxAge !== null) return `${p.minAge}–${p.maxAge} 岁 years`;
  if (p.minAge !== null) return `≥ ${p.minAge} 岁 years`;
  if (p.maxAge !== null) return `≤ ${p.maxAge} 岁 years`;
  return '';
}

function programmeSection(programmes: readonly BenefitProgramme[]): string[] {
  const rows = programmes.map((p) => [
    code(p.key),
    p.name.zh,
    p.name.en,
    p.synonyms.join('、'),
    // Named, as every other column is; the code beside the name links to its own row.
    p.excludes.map((x) => `${programmes.find((o) => o.key === x)?.name.zh ?? ''} ${code(x)}`.trim()).join('; '),
    ageText(p),
    p.residence ? `${RESIDENCE_CONDITION_LABELS[p.residence].zh} / ${RESIDENCE_CONDITION_LABELS[p.residence].en}` : '',
    CYCLE_LABELS[p.cycle],
  ]);
  return [
    '## 惠民惠农项目 / Benefit programmes',
    '',
    '`program` 字段的代码。同月不得同时享受“互斥”栏中的项目（任一方列出即互斥）。 / ' +
      'Codes of the `program` field. A person may not receive a programme and one it excludes for the same month ' +
      '(listing on either side is enough).',
    '',
    ...table(
      ['代码 key', '中文', 'English', '同义词 synonyms', '互斥 excludes', '年龄 age', '户籍 residence', '周期 cycle'],
      rows,
    ),
    '',
  ];
}

/**
 * Renders the data standard's catalogue as a bilingual Markdown document: every dataset
 * type with its fields (key, Chinese and English labels, type, required, synonyms), the
 * codes of enum fields with the Chinese terms accepted for them, and the benefit programme
 * registry with its exclusions. Pure and deterministic: the same catalogue always gives
 * the same text, so the committed document can be checked against it.
 */
export function renderCatalogueDoc(
  input: CatalogueDocInput = { datasets: listDatasets(), programmes: listProgrammes() },
): string {
  const { datasets, programmes } = input;
  const lines = [
    '# 清风数据标准目录 / Qingfeng data catalogue',
    '',
    '<!-- 由 `npm run docs:catalogue` 从内置目录生成，请勿手工编辑。 -->',
    '<!-- Generated from the built-in catalogue by `npm run docs:catalogue`; do not edit by hand. -->',
    '',
    '导入时按字段键、中文名、英文名或同义词匹配表头，忽略大小写、空格和全半角；带 `*` 或括号注释（如“金额(万元)”）的表头同样可以匹配。' +
      '管理员可以在系统中添加自定义数据集类型（键以 `x_` 开头）和额外同义词，它们不在本文件中。',
    '',
    'Headers are matched by field key, Chinese or English label, or synonym, ignoring case, spaces and full/half ' +
      'width; headers with a `*` marker or a note in brackets ("金额(万元)") match too. Administrators can add ' +
      'their own dataset types (keys starting with `x_`) and extra synonyms in the system; those are not listed here.',
    '',
    '每个数据集类型的“自然键”是再次报送同一条记录时据以认出它的字段：预警的命中键由它生成，所以重新导入不会重复预警；' +
      '数据质量报告按自然键（及“另查重复”的字段组）统计重复记录。',
    '',
    "A dataset type's natural key is the fields that recognise a record when it is sent again: warnings' hit " +
      'keys are built from it, so a re-import does not duplicate a warning; the quality report counts rows sharing ' +
      'it (or a key listed as "also checked for duplicates") as duplicates.',
    '',
    `字段类型 / Field types: ${FIELD_TYPES.map(code).join(', ')}`,
    '',
    '## 数据集类型一览 / Dataset types',
    '',
    ...table(
      ['类型 type', '中文名', 'English', '来源 source', '字段 fields', '必填 required'],
      datasets.map((d) => [
        code(d.key),
        d.name.zh,
        d.name.en,
        d.source.zh,
        String(d.fields.length),
        d.fields
          .filter((f) => f.required)
          .map((f) => f.key)
          .join(', '),
      ]),
    ),
    '',
  ];
  for (const dataset of datasets) lines.push(...datasetSection(dataset, programmes));
  lines.push(...programmeSection(programmes));
  return `${lines.join('\n').trimEnd()}\n`;
}
