import { TreeSelect, type TreeSelectProps } from 'antd';
import type { AreaTreeOption } from '../households/household-logic';

/**
 * The area picker of a planning form (campaigns, reception days): the areas the user may plan in,
 * searchable by name, the top level open. Takes a Form.Item's value/onChange; `testId` names it.
 */
export function PlannableAreaSelect({ areas, testId, ...props }: { areas: AreaTreeOption[]; testId: string } & Omit<TreeSelectProps, 'treeData'>) {
  return (
    <TreeSelect
      treeData={areas}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={areas.map((a) => a.value)}
      popupMatchSelectWidth={false}
      data-testid={testId}
      {...props}
    />
  );
}
