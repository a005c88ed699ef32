import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import type { UnitNode } from './admin.api';
import { unitOptions } from './unit-tree';
import { foldedTitleSearch } from '../../search/folded-search';

export interface UnitPickerProps {
  tree: readonly UnitNode[];
  /** Set by Form.Item, or by the caller. */
  value?: string;
  onChange?(code: string | undefined): void;
  /** This unit and its descendants cannot be chosen (moving a unit). */
  exclude?: string;
  /** A filter rather than a target: inactive units can be chosen too. */
  anyUnit?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

/** The unit tree as a searchable select ("name (code)"), the same in every admin form and filter. */
export function UnitPicker({ tree, exclude, anyUnit, ...rest }: UnitPickerProps) {
  const options = unitOptions(tree, exclude);
  return (
    <TreeSelect
      popupMatchSelectWidth={false}
      treeData={anyUnit ? enableAll(options) : options}
      treeDefaultExpandAll
      showSearch={foldedTitleSearch}
      {...rest}
    />
  );
}

function enableAll(options: ReturnType<typeof unitOptions>): ReturnType<typeof unitOptions> {
  return options.map((option) => ({
    ...option,
    disabled: false,
    children: option.children && enableAll(option.children),
  }));
}
