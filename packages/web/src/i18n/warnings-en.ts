import type { warningsZh } from './warnings-zh';

/** English for the warning lifecycle: retired warnings and the platform's history entries. */
export const warningsEn: Record<keyof typeof warningsZh, string> = {
  'warnings.retired': 'Retired',
  'warnings.retiredReason.evidence_rolled_back': 'evidence rolled back',
  'warnings.retiredReason.no_longer_found': 'no longer found',
  'warnings.retiredAt': 'Retired at',
  'warnings.retiredNotice':
    'This warning is retired ({reason}) and no longer counts as open. Its status is kept; a later run that finds the hit again brings it back.',
  'warnings.retiredFilter.exclude': 'Live only',
  'warnings.retiredFilter.only': 'Retired only',
  'warnings.retiredFilter.include': 'Live and retired',
  'warnings.event.retired': 'Retired: {reason}',
  'warnings.event.restored': 'Found again, restored',
  'warnings.event.not_found': 'A full run no longer finds this hit (status kept)',
  'warnings.event.evidence_added': 'A run added evidence (status kept)',
  'warnings.summary': 'Covers',
  'warnings.summary.items': '{count} items',
  'warnings.summary.rows': '{count} evidence rows',
  'warnings.summary.total': '{total} in all',
  'warnings.event.batch': 'batch {batch}',
  'warnings.event.run': 'run #{run}',
  'warnings.statusOpen': 'Open (new or under review)',
  'warnings.guidance': 'Basis and handling',
};
