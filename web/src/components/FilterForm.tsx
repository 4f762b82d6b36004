import { Form } from 'antd';
import type { ReactNode } from 'react';

/**
 * A list page's filters, laid out in a row. Every change goes back to the first page: the
 * page the user was on may not exist in the new result.
 */
export function FilterForm<T extends object>(props: {
  name: string;
  initialValues?: Partial<T>;
  onChange: (values: T) => void;
  resetPage: () => void;
  children: ReactNode;
}) {
  return (
    <Form<T>
      name={props.name}
      layout="inline"
      initialValues={props.initialValues}
      style={{ marginBottom: 16, rowGap: 8 }}
      onValuesChange={(_, values) => {
        props.onChange(values);
        props.resetPage();
      }}
    >
      {props.children}
    </Form>
  );
}
