import { Select, type SelectProps } from 'antd';

/** A select of coded values that the clerk filters by typing part of the Chinese label (antd filters by value). */
export function CodeSelect<V extends string>(props: SelectProps<V>) {
  return <Select<V> showSearch={{ optionFilterProp: 'label' }} {...props} />;
}
