import { FIRST_FORM_OUTCOME_LABELS } from '@qingfeng/core';
import { Space, Tag, Tooltip } from 'antd';
import type { ClueFilter } from '../../api/clues';
import { useI18n } from '../../i18n';

type Linked = 'division' | 'office' | 'received' | 'entered' | 'firstForm' | 'running';
/** The registry filters each tag stands for: closing it drops them. */
const KEYS: Record<Linked, (keyof ClueFilter)[]> = {
  division: ['division'],
  office: ['office'],
  received: ['from', 'to'],
  entered: ['enteredFrom', 'enteredTo'],
  firstForm: ['firstForm'],
  running: ['running'],
};

/**
 * The filters a statistics figure links to that the registry has no control for, as tags
 * in words (a place or an office by what it is, its code on hover); closing one drops it.
 */
export function LinkedFilterTags({ filter, onChange }: { filter: ClueFilter; onChange: (next: ClueFilter) => void }) {
  const { t, lang } = useI18n();
  const open = t('clues.filter.openEnded');
  const span = (from?: string, to?: string) => ({ from: from ?? open, to: to ?? open });
  const words: Record<Linked, string | null> = {
    division: filter.division ? t('clues.filter.division') : null,
    office: filter.office ? t('clues.filter.office') : null,
    received: filter.from || filter.to ? t('clues.filter.received', span(filter.from, filter.to)) : null,
    entered:
      filter.enteredFrom || filter.enteredTo
        ? t('clues.filter.entered', span(filter.enteredFrom, filter.enteredTo))
        : null,
    firstForm: filter.firstForm
      ? t('clues.filter.firstForm', { outcome: FIRST_FORM_OUTCOME_LABELS[filter.firstForm][lang] })
      : null,
    running: filter.running ? t('clues.filter.running') : null,
  };
  const shown = (Object.keys(KEYS) as Linked[]).filter((k) => words[k] !== null);
  if (shown.length === 0) return null;
  const drop = (kind: Linked) => {
    const next = { ...filter };
    for (const key of KEYS[kind]) delete next[key];
    onChange(next);
  };
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="linked-filters">
      {shown.map((kind) => (
        <Tooltip key={kind} title={kind === 'division' ? filter.division : undefined}>
          <Tag closable color="blue" onClose={() => drop(kind)}>
            {words[kind]}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
