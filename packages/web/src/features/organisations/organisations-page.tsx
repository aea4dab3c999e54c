import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Spin, Tree, Typography } from 'antd';
import { useState } from 'react';
import type { Organisation } from '../../api/organisations';
import { useT } from '../../i18n';
import { PlaceName } from '../../shared/place-name';
import { useCan } from '../auth/use-me';
import { ImportModal } from './import-modal';
import { describeOrganisation } from './org-labels';
import { OrgFormModal } from './org-form-modal';
import { findInTree, toTreeOptions, useOrganisationTree } from './use-organisations';

type Dialog = { type: 'create'; parentId?: number } | { type: 'edit'; org: Organisation } | null;

/** The commissions, offices and units within the user's jurisdiction, as a tree. */
export function OrganisationsPage() {
  const t = useT();
  const can = useCan();
  const tree = useOrganisationTree();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [importing, setImporting] = useState<'organisations' | 'divisions' | null>(null);
  const selected = selectedId === null ? undefined : findInTree(tree.data ?? [], selectedId);
  const manage = can('org.manage');

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('org.title')}
        </Typography.Title>
        {manage && (
          <Flex gap={8} wrap>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ type: 'create', parentId: selected?.id })}
            >
              {t('org.create')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting('organisations')}>
              {t('org.import')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting('divisions')}>
              {t('org.importDivisions')}
            </Button>
          </Flex>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card>
            {tree.isPending ? (
              <Spin />
            ) : tree.data?.length ? (
              <Tree
                treeData={toTreeOptions(tree.data)}
                defaultExpandAll
                selectedKeys={selectedId === null ? [] : [selectedId]}
                onSelect={(keys) => setSelectedId(keys.length ? Number(keys[0]) : null)}
              />
            ) : (
              <Empty description={t('org.empty')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={selected?.name ?? t('org.detail')}
            extra={
              selected &&
              manage && (
                <Button icon={<EditOutlined />} onClick={() => setDialog({ type: 'edit', org: selected })}>
                  {t('common.edit')}
                </Button>
              )
            }
          >
            {selected ? (
              <Descriptions
                column={1}
                items={[
                  { key: 'code', label: t('org.code'), children: selected.code },
                  { key: 'kind', label: t('org.kind'), children: describeOrganisation(t, selected) },
                  {
                    key: 'division',
                    label: t('org.division'),
                    children: <PlaceName code={selected.divisionCode} name={selected.divisionName} />,
                  },
                  {
                    key: 'parent',
                    label: t('org.parent'),
                    children: selected.parentId
                      ? (findInTree(tree.data ?? [], selected.parentId)?.name ?? selected.parentId)
                      : '—',
                  },
                ]}
              />
            ) : (
              <Empty description={t('org.selectHint')} />
            )}
          </Card>
        </Col>
      </Row>
      <OrgFormModal
        open={dialog !== null}
        editing={dialog?.type === 'edit' ? dialog.org : undefined}
        parentId={dialog?.type === 'create' ? dialog.parentId : undefined}
        onClose={() => setDialog(null)}
      />
      <ImportModal target={importing} onClose={() => setImporting(null)} />
    </>
  );
}
