import { useQuery } from '@tanstack/react-query';
import { type OrganisationNode, listOrganisationTree } from '../../api/organisations';

export const ORGANISATIONS_KEY = ['organisations', 'tree'] as const;

/** The organisation tree within the user's jurisdiction. */
export function useOrganisationTree(enabled = true) {
  return useQuery({ queryKey: ORGANISATIONS_KEY, queryFn: listOrganisationTree, enabled });
}

export interface OrgTreeOption {
  value: number;
  title: string;
  key: number;
  children: OrgTreeOption[];
}

/** Tree nodes for antd's Tree and TreeSelect. */
export function toTreeOptions(nodes: readonly OrganisationNode[]): OrgTreeOption[] {
  return nodes.map((node) => ({
    value: node.id,
    key: node.id,
    title: node.name,
    children: toTreeOptions(node.children),
  }));
}

/** Finds an organisation anywhere in the tree. */
export function findInTree(nodes: readonly OrganisationNode[], id: number): OrganisationNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findInTree(node.children, id);
    if (found) return found;
  }
  return undefined;
}
