import { CloudUploadOutlined, DatabaseOutlined, FundOutlined, HistoryOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shared/nav-item';

/** Menu entries of the dataset pages, each shown only to roles holding its permission. */
export const DATASET_NAV_ITEMS: readonly NavItem[] = [
  { path: '/datasets', label: 'nav.datasets', icon: <DatabaseOutlined />, permission: 'dataset.read', quickLink: true },
  {
    path: '/data-import',
    label: 'nav.dataImport',
    icon: <CloudUploadOutlined />,
    permission: 'dataset.import',
    quickLink: true,
  },
  {
    path: '/import-batches',
    label: 'nav.batches',
    icon: <HistoryOutlined />,
    permission: 'dataset.read',
    quickLink: true,
  },
  {
    path: '/data-quality',
    label: 'nav.dataQuality',
    icon: <FundOutlined />,
    permission: 'dataset.read',
    quickLink: true,
  },
];
