import { ExperimentOutlined, PlayCircleOutlined, ToolOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shared/nav-item';

/** Menu entries of the model pages, each shown only to roles holding its permission. */
export const MODEL_NAV_ITEMS: readonly NavItem[] = [
  { path: '/models', label: 'nav.models', icon: <ExperimentOutlined />, permission: 'model.read', quickLink: true },
  {
    path: '/model-runs',
    label: 'nav.modelRuns',
    icon: <PlayCircleOutlined />,
    permission: 'model.run',
    quickLink: true,
  },
  { path: '/model-builder', label: 'nav.modelBuilder', icon: <ToolOutlined />, permission: 'model.manage' },
];
