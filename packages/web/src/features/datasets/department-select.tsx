import { TreeSelect } from 'antd';
import type { OrganisationNode } from '../../api/organisations';
import { useOrganisationTree } from '../organisations/use-organisations';

interface DepartmentOption {
  value: string;
  title: string;
  disabled: boolean;
  children: DepartmentOption[];
}

/** Organisations as a tree in which only units (the departments that supply data) can be chosen. */
function toOptions(nodes: readonly OrganisationNode[]): DepartmentOption[] {
  return nodes.map((node) => ({
    value: node.code,
    title: `${node.name} (${node.code})`,
    disabled: node.kind !== 'unit',
    children: toOptions(node.children),
  }));
}

function collectNames(nodes: readonly OrganisationNode[], into: Map<string, string>): Map<string, string> {
  for (const node of nodes) {
    into.set(node.code, node.name);
    collectNames(node.children, into);
  }
  return into;
}

/** Names a department by its code where the user can see it, else shows the code. */
export function useDepartmentName(): (code: string | null) => string {
  const tree = useOrganisationTree();
  const names = collectNames(tree.data ?? [], new Map());
  return (code) => (code === null ? '—' : (names.get(code) ?? code));
}

/** Picks the supplying department by its organisation code. */
export function DepartmentSelect({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
}) {
  const tree = useOrganisationTree();
  return (
    <TreeSelect<string>
      id={id}
      value={value}
      onChange={(code) => onChange?.(code)}
      treeData={toOptions(tree.data ?? [])}
      loading={tree.isFetching}
      treeDefaultExpandAll
      allowClear
      showSearch
      treeNodeFilterProp="title"
      popupMatchSelectWidth={false}
      data-testid="department-select"
    />
  );
}
